/**
 * The comparison methods, run inside a page (Playwright serialises each function into the page, so each is
 * self-contained). Each returns the milliseconds from its first DOM read to its last DOM effect, with a forced
 * layout at the end: wrapping text in <mark> costs a style and layout pass that the reader pays too.
 * Each method sets the user-timing marks `bench:start` / `bench:end`, so a trace can find its window.
 */

export interface MethodResult {
  ms: number;
  matches: number;
}

/** (a) The floor: a TreeWalker over the text nodes, reading every character. */
export function floorInPage(): MethodResult {
  performance.mark('bench:start');
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const d = (n as Text).data;
    for (let i = 0; i < d.length; i++) sum += d.charCodeAt(i);
  }
  document.body.getBoundingClientRect();
  const ms = performance.now() - t0;
  performance.mark('bench:end');
  return { ms, matches: sum > 0 ? 0 : -1 };
}

/**
 * (a″) The content-script floor: what any content script that finds names must pay to read a page, run in an
 * isolated world: an element-aware walk (elements and text, every element's tag looked at, scripts, styles, code
 * and form fields skipped with their subtrees, a block boundary noted at each block), reading every character.
 */
export function contentFloorInPage(): MethodResult {
  performance.mark('bench:start');
  const t0 = performance.now();
  const skip = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'code', 'pre', 'svg', 'math', 'iframe']);
  const block = new Set(['p', 'div', 'li', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'br', 'ul', 'ol', 'table', 'tr', 'blockquote', 'figure', 'figcaption', 'nav', 'aside', 'main']);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === 1 && skip.has((n as Element).localName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let sum = 0;
  let blocks = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      if (block.has((n as Element).localName)) blocks++;
      continue;
    }
    const d = (n as Text).data;
    for (let i = 0; i < d.length; i++) sum += d.charCodeAt(i);
  }
  document.body.getBoundingClientRect();
  const ms = performance.now() - t0;
  performance.mark('bench:end');
  return { ms, matches: sum + blocks > 0 ? 0 : -1 };
}

/** (c) One big RegExp alternation of the names (longest first), every match wrapped in <mark>. */
export function regexMarkInPage(names: string[]): MethodResult {
  performance.mark('bench:start');
  const t0 = performance.now();
  const escaped = names.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const re = new RegExp(escaped.join('|'), 'g');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let matches = 0;
  for (const node of nodes) {
    const text = node.data;
    re.lastIndex = 0;
    const found: Array<[number, number]> = [];
    for (let m = re.exec(text); m; m = re.exec(text)) {
      found.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
    // Wrap from the end so earlier offsets stay valid.
    for (let i = found.length - 1; i >= 0; i--) {
      const [s, e] = found[i]!;
      const middle = node.splitText(s);
      middle.splitText(e - s);
      const mark = document.createElement('mark');
      middle.parentNode!.replaceChild(mark, middle);
      mark.appendChild(middle);
      matches++;
    }
  }
  document.body.getBoundingClientRect();
  const ms = performance.now() - t0;
  performance.mark('bench:end');
  return { ms, matches };
}

/** (d) mark.js, given the same alternation (mark(names) with one pass per name is unusable past ~100 names). */
export function markJsInPage(names: string[]): MethodResult {
  performance.mark('bench:start');
  const t0 = performance.now();
  const escaped = names.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const re = new RegExp(escaped.join('|'), 'g');
  let matches = 0;
  const MarkCtor = (window as unknown as { Mark: new (el: Element) => { markRegExp(r: RegExp, o: object): void } }).Mark;
  new MarkCtor(document.body).markRegExp(re, { each: () => void matches++ });
  document.body.getBoundingClientRect();
  const ms = performance.now() - t0;
  performance.mark('bench:end');
  return { ms, matches };
}
