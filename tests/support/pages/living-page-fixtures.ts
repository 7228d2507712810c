/**
 * Pages that live: many names on a page whose own script keeps editing it, a feed re-rendered every second, a
 * widget that re-creates its shadow root every second, and text nodes far longer than a scan chunk. They are
 * the probes of issue 13 (the page's DOM work taxed by every name found, memory growing on re-rendering pages,
 * one huge text node stalling or failing the scan), kept as tests.
 */

const head = (title: string) => `<!doctype html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <style>body { margin: 0; font: 16px/1.5 sans-serif; } main { max-width: 60rem; margin: 0 auto; padding: 1rem; }</style>
</head>`;

/** Four names of four unambiguous entities (none needs a licence): every sentence is exactly four mentions. */
export const FOUR_NAMES = 'Hezbollah met officials in Damascus, Tehran and Baghdad.';

/**
 * `names` mentions (a multiple of 4) in paragraphs of ten sentences, and, first, a paragraph without names
 * whose text node the page edits (`#counter`).
 */
export function manyNamesHtml(names: number): string {
  const sentences = Math.ceil(names / 4);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences; i += 10) {
    paragraphs.push(`<p>${Array.from({ length: Math.min(10, sentences - i) }, () => FOUR_NAMES).join(' ')}</p>`);
  }
  return `${head('Many names')}
<body><main><p id="counter">nothing yet</p>${paragraphs.join('\n')}</main></body>
</html>
`;
}

/**
 * A feed that replaces its `spans` spans (three names each) with new ones every second, as live tickers and
 * re-rendering frameworks do. `window.feedRounds` counts the renders, `window.renderMs` holds how long each took
 * (the page's own DOM work, which live ranges elsewhere tax); a sample of each round's spans is kept in
 * `window.feedRefs` as WeakRefs, so a test can tell whether spans the page dropped are ever freed.
 */
export function rerenderingHtml(spans = 2000): string {
  return `${head('A re-rendering feed')}
<body><main><p>Live:</p><div id="feed"></div></main>
<script>
  const NAMES = ['Hezbollah in Damascus and Tehran', 'Damascus, Tehran and Baghdad', 'Tehran, Baghdad and Hezbollah', 'Baghdad, Hezbollah and Damascus'];
  window.feedRounds = 0;
  window.feedRefs = [];
  window.renderMs = [];
  const feed = document.getElementById('feed');
  function render() {
    const started = performance.now();
    const round = window.feedRounds++;
    const fresh = [];
    for (let i = 0; i < ${spans}; i++) {
      const span = document.createElement('span');
      span.textContent = NAMES[(i + round) % NAMES.length] + ' ' + round + '.' + i + ' ';
      fresh.push(span);
      if (i % 100 === 0) window.feedRefs.push({ round, ref: new WeakRef(span.firstChild) });
    }
    feed.replaceChildren(...fresh);
    window.renderMs.push(performance.now() - started);
  }
  render();
  setInterval(render, 1000);
</script>
</body>
</html>
`;
}

/**
 * A widget that replaces itself every second with a new host and a new open shadow root of about `nodes` nodes
 * (one name among them). `window.widgetRefs` holds WeakRefs to the old shadow roots.
 */
export function shadowWidgetHtml(nodes = 1000): string {
  return `${head('A widget that re-creates its shadow root')}
<body><main><p>Tehran is named outside the widget.</p><div id="slot"></div></main>
<script>
  window.widgetRounds = 0;
  window.widgetRefs = [];
  const slot = document.getElementById('slot');
  function mount() {
    const round = window.widgetRounds++;
    const host = document.createElement('x-widget-' + (round % 2 ? 'a' : 'b'));
    const root = host.attachShadow({ mode: 'open' });
    const list = document.createElement('ul');
    for (let i = 0; i < ${Math.floor(nodes / 2)}; i++) {
      const li = document.createElement('li');
      li.textContent = i === 0 ? 'Breaking: Hezbollah statement ' + round : 'item ' + i;
      list.append(li);
    }
    root.append(list);
    slot.replaceChildren(host);
    window.widgetRefs.push({ round, ref: new WeakRef(root) });
  }
  mount();
  setInterval(mount, 1000);
</script>
</body>
</html>
`;
}

/** One paragraph whose single text node holds `names` mentions (a multiple of 4). */
export function bigNodeHtml(names = 40_000): string {
  return `${head('One text node, many names')}
<body><main><p id="big">${Array.from({ length: names / 4 }, () => FOUR_NAMES).join(' ')}</p></main></body>
</html>
`;
}

const FILLER = 'The committee discussed the budget for the coming year and asked for more time to read it. ';

/**
 * One text node of about `chars` characters (past what the background takes in one request) with a name at its
 * start, in its middle and at its end, then a paragraph with another name.
 */
export function hugeNodeHtml(chars = 4_500_000): string {
  const half = FILLER.repeat(Math.ceil(chars / 2 / FILLER.length));
  return `${head('One huge text node')}
<body><main><p id="huge">Hezbollah opened the session. ${half} Damascus answered. ${half} Tehran closed it.</p>
<p id="after">Later, in Baghdad, nothing was said.</p></main></body>
</html>
`;
}
