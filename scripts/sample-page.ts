/**
 * Renders a bundled article as a plain, right-to-left news page: the page `npm start`, the demos and the
 * browser tests open. It is built from data/articles, so nothing reads ../shared at run time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLE_ARTICLE_ID = '000_4f7f3227c46c7de5';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A line that reads as a sub-heading: short and not ending a sentence. */
const isHeading = (line: string): boolean => line.length < 60 && !/[.:؟!”"]$/.test(line);

export function renderArticleHtml(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const [section = '', headline = '', ...body] = lines;
  const paragraphs = body
    .map((line) => (isHeading(line) ? `<h2>${escapeHtml(line)}</h2>` : `<p>${escapeHtml(line)}</p>`))
    .join('\n    ');
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(headline)}</title>
  <style>
    body { margin: 0; background: #fafaf7; color: #1d1d1f; font: 19px/1.8 "Noto Sans Arabic", "Noto Naskh Arabic", sans-serif; }
    article { max-width: 44rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
    .section { color: #8a1c1c; font-weight: 600; font-size: 15px; }
    h1 { font-size: 30px; line-height: 1.5; margin: .3em 0 .8em; }
    h2 { font-size: 21px; margin: 1.4em 0 .4em; }
  </style>
</head>
<body>
  <article>
    <p class="section">${escapeHtml(section)}</p>
    <h1>${escapeHtml(headline)}</h1>
    ${paragraphs}
  </article>
</body>
</html>
`;
}

export function sampleArticleHtml(root: string): string {
  return renderArticleHtml(readFileSync(join(root, 'data', 'articles', `${SAMPLE_ARTICLE_ID}.txt`), 'utf8'));
}
