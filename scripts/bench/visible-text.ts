/**
 * A page's visible text from its HTML, without a browser, as the content script joins it
 * (src/content/scan/text-reader.ts): skipped elements dropped, text of other elements kept, one BLOCK_SEPARATOR between blocks, entities decoded.
 * An approximation for Node benches (no CSS, no shadow roots), close enough to feed the matcher realistic text.
 */
import { BLOCK_SEPARATOR } from '../../src/content/scan/text-reader.ts';

/** Tags whose element ends a run of inline text (as src/content/scan/text-reader.ts BLOCK_TAGS). */
const BLOCK = /^(?:address|article|aside|blockquote|br|button|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|img)$/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The page's visible text as the content script joins it: skipped elements gone, blocks separated. */
export function visibleText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|textarea|select|code|pre|svg|math|iframe)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_, tag: string) => (BLOCK.test(tag) ? BLOCK_SEPARATOR : ''))
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\0+/g, BLOCK_SEPARATOR)
    .replace(/^\0|\0$/g, '');
}
