/**
 * Test pages for the page and card suites, written here (English text of our own) or built from the bundled
 * article (data/articles): an English news page with every kind of region the scan must read or skip, a
 * single-page app, a long page that spans several chunks, and Arabic pages for the never-break-the-page test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/build.ts';
import { SAMPLE_ARTICLE_ID, renderArticleHtml } from '../../../scripts/sample-page.ts';

const head = (title: string, lang: string, dir: string, css = '') => `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <style>
    body { margin: 0; background: #fbfbf8; color: #1d1d1f; font: 18px/1.7 "Noto Sans", sans-serif; }
    main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
    h1 { font-size: 28px; line-height: 1.3; }
    ${css}
  </style>
</head>`;

/**
 * An English news page. Names the scan must find: in paragraphs, split over inline elements, in an open shadow
 * root, in a link. Names it must leave alone: in a contenteditable region, a textarea, an input, code, and
 * hidden text (until it is shown).
 */
export function englishArticleHtml(): string {
  return `${head('Quds Force commander tours the region', 'en', 'ltr', `
    #corner { position: fixed; right: 6px; bottom: 4px; margin: 0; font-size: 15px; background: #eee; padding: 0 4px; }
    .card { color: rgb(200, 0, 0); border: 5px solid rgb(0, 200, 0); }`)}
<body>
  <main>
    <h1 id="headline">Quds Force commander Esmail Qaani tours the region</h1>
    <p id="p1" tabindex="0">Esmail Qaani met Bashar al-Assad in Damascus last week, according to a report by the BBC.</p>
    <p id="p2">He then travelled to Baghdad, where he met Mustafa al-Kadhimi and leaders of the Popular Mobilization Forces.</p>
    <p id="p3">In Beirut, he also held talks with Hassan Nasrallah, the secretary-general of Hezbollah.</p>
    <p id="p4">Assad has not commented on the visit. <b>Bashar</b> al-Assad rarely does.</p>
    <p id="link-p">Read the <a id="link" href="#statement">Hezbollah statement</a> in full.</p>
    <x-quote id="quote"></x-quote>
    <div id="editor" contenteditable="true">Notes: Hassan Nasrallah in Tehran</div>
    <textarea id="notes">Hezbollah and Baghdad</textarea>
    <input id="field" value="Damascus">
    <pre><code>const leader = "Hassan Nasrallah"; // Tehran</code></pre>
    <p id="hidden-p" hidden>Hidden until shown: Tehran.</p>
    <p style="display: none">Never shown: Tehran.</p>
    <div class="card">A page element that happens to be called .card: the extension's styles must not touch it.</div>
    <p id="tail">The visit ended in Tehran.</p>
  </main>
  <p id="corner">Lebanon</p>
  <script>
    customElements.define('x-quote', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<blockquote id="inner">Officials in Tehran said the meeting went well.</blockquote>';
      }
    });
  </script>
</body>
</html>
`;
}

/**
 * A single-page app: \`route(path, html)\` changes the URL with the history API and replaces the view, as SPA
 * routers do. The first view licenses "Assad" with a full name; the second uses "Assad" alone.
 */
export function spaHtml(): string {
  return `${head('SPA', 'en', 'ltr')}
<body>
  <main>
    <nav><a href="/spa/">Home</a></nav>
    <div id="view"><p id="a1">Bashar al-Assad spoke on Monday. Assad said little.</p></div>
  </main>
  <script>
    window.route = (path, html) => {
      history.pushState({}, '', path);
      document.getElementById('view').innerHTML = html;
    };
  </script>
</body>
</html>
`;
}

const FILLER = [
  'The committee discussed the budget for the coming year, and members asked for more time to read the proposals.',
  'Several speakers noted that the harvest had been better than expected in the northern provinces.',
  'A new railway line is planned between the two coastal towns, though funding has not been agreed.',
  'Teachers in the capital said the school year would start a week later because of repairs.',
  'The weather service expects a dry spring, with temperatures slightly above the seasonal average.',
  'Local markets reported steady prices for bread, rice and cooking oil over the past month.',
];

/**
 * A page of several chunks (past three of CHUNK_CHARS, text-reader.ts): "Assad" (an ambiguous alias) in its first
 * paragraph, and, when `withFullName`, the full name "Bashar al-Assad" only in its last, far beyond the first
 * chunk (and sent before the first chunk's answer is back, several chunks being in flight at once).
 */
export function longPageHtml(withFullName: boolean, chars = 850_000): string {
  return longPageWith('Assad spoke on Tuesday.', withFullName ? 'Bashar al-Assad later left the meeting.' : 'He later left the meeting.', chars);
}

/** The same long page with other first and last paragraphs (page context: "Lebanon" first, "Beirut" last). */
export function longPageWith(first: string, last: string, chars = 850_000): string {
  const paragraphs: string[] = [`<p id="first">${first}</p>`];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const text = `${FILLER[i % FILLER.length]} ${FILLER[(i * 5 + 1) % FILLER.length]} (${i})`;
    paragraphs.push(`<p>${text}</p>`);
    length += text.length;
  }
  paragraphs.push(`<p id="last">${last}</p>`);
  return `${head('A long page', 'en', 'ltr')}
<body><main>${paragraphs.join('\n')}</main></body>
</html>
`;
}

const escapeHtml = (s: string): string => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

function articleText(): string {
  return readFileSync(join(ROOT, 'data', 'articles', `${SAMPLE_ARTICLE_ID}.txt`), 'utf8');
}

/** The bundled article as a news page (the page `npm start` shows). */
export function arabicArticleHtml(): string {
  return renderArticleHtml(articleText());
}

/**
 * An Arabic page with the structures news sites use: navigation lists, a table, a quote, names split over
 * inline elements and attached prefixes, a form, code, hidden text and an open shadow root.
 */
export function arabicStructuresHtml(): string {
  const lines = articleText().split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const body = lines.slice(2, 8).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n      ');
  return `${head('الشأن السوري: صفحة اختبار', 'ar', 'rtl', 'table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 4px 8px; }')}
<body>
  <header><nav><ul><li><a href="#syria">سوريا</a></li><li><a href="#iraq">العراق</a></li><li><a href="#lebanon">لبنان</a></li></ul></nav></header>
  <main>
    <h1>جولة <span class="hl">إسماعيل</span> قاآني في المنطقة</h1>
    <article>
      ${body}
    </article>
    <blockquote>قال مصدر في <em>بغداد</em> إن اللقاء مع <strong>مصطفى</strong> الكاظمي كان سرياً.</blockquote>
    <table>
      <thead><tr><th>الاسم</th><th>المدينة</th></tr></thead>
      <tbody>
        <tr><td>بشار الأسد</td><td>دمشق</td></tr>
        <tr><td>حسن نصر الله</td><td>بيروت</td></tr>
        <tr><td>مصطفى الكاظمي</td><td>بغداد</td></tr>
      </tbody>
    </table>
    <p>وبحسب ما نقل موفد الـBBC فإن الزيارة شملت لبنان وسوريا والعراق.</p>
    <form><label>بحث <input name="q" value="حزب الله"></label><textarea>فيلق القدس</textarea></form>
    <div contenteditable="true">ملاحظات: الحرس الثوري الإيراني</div>
    <pre><code>// طهران</code></pre>
    <p hidden>نص مخفي: واشنطن</p>
    <x-panel></x-panel>
  </main>
  <script>
    customElements.define('x-panel', class extends HTMLElement {
      constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>خبر عاجل من طهران عن حزب الله.</p>'; }
    });
  </script>
</body>
</html>
`;
}

/** About `chars` characters of Arabic news text: the bundled article's paragraphs, many times over. */
export function arabicLargeHtml(chars = 1_000_000): string {
  const lines = articleText().split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 40);
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const line = lines[i % lines.length]!;
    paragraphs.push(i % 7 === 0 ? `<h2>${i}: ${escapeHtml(line.slice(0, 50))}</h2>` : `<p>${escapeHtml(line)}</p>`);
    length += line.length;
  }
  return `${head('صفحة عربية كبيرة', 'ar', 'rtl')}
<body><main>${paragraphs.join('\n')}</main></body>
</html>
`;
}
