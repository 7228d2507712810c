/**
 * "Not this one": single mentions a reader dismissed, remembered per page. Pure data and rules; storage access
 * is in src/shared/dismissals.ts, the DOM side (reading a mention's context) in src/content/card/mention-context.ts.
 *
 * A mention is recognised again after a reload, or after the page re-renders it, by its entity, its text and the
 * CONTEXT_WORDS words on each side, all folded as the matcher folds (so whitespace, punctuation, diacritics and
 * letter forms don't matter). Two mentions in identical sentences share a key, and go together.
 *
 * Pages are kept under a hash of their address (without the #fragment), so the stored list does not read as a
 * history of the pages the reader has visited. It is not a secret: anyone with the address can compute it.
 * The oldest pages are dropped past MAX_PAGES, the oldest keys of a page past MAX_PER_PAGE.
 */
import { foldKey } from '../matching/normalize.ts';

export const CONTEXT_WORDS = 3;
export const MAX_PAGES = 300;
export const MAX_PER_PAGE = 200;

export interface PageDismissals {
  /** When the page's list last changed (ms since the epoch). */
  at: number;
  keys: string[];
}

export interface Dismissals {
  pages: Record<string, PageDismissals>;
}

/** cyrb53 (a small, well-mixed 53-bit string hash), as 14 hex digits. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The key a page's dismissals are kept under: its address without the fragment, hashed. */
export function pageKey(url: string): string {
  let bare = url;
  try {
    const u = new URL(url);
    u.hash = '';
    bare = u.href;
  } catch {
    /* not a URL: hash it as it is */
  }
  return hash53(bare);
}

/** Folded words of a text, punctuation dropped. */
const words = (text: string): string[] => foldKey(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);

/** A mention's key from its entity, its text and the text around it (before it, after it, in its block). */
export function mentionKey(entityId: string, before: string, surface: string, after: string): string {
  // Only the end of `before` and the start of `after` count: a few hundred characters are plenty to fold.
  const near = CONTEXT_WORDS * 40;
  return [
    entityId,
    words(before.slice(-near)).slice(-CONTEXT_WORDS).join(' '),
    words(surface).join(' '),
    words(after.slice(0, near)).slice(0, CONTEXT_WORDS).join(' '),
  ].join('\u0001');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Dismissals from storage, with anything malformed dropped (storage is input too). */
export function sanitizeDismissals(raw: unknown): Dismissals {
  const pages: Record<string, PageDismissals> = {};
  const stored = isObject(raw) && isObject(raw.pages) ? raw.pages : {};
  for (const [page, value] of Object.entries(stored)) {
    if (!/^[0-9a-f]{14}$/.test(page) || !isObject(value) || !Array.isArray(value.keys)) continue;
    const keys = value.keys.filter((k): k is string => typeof k === 'string' && k.length <= 2000).slice(-MAX_PER_PAGE);
    if (keys.length > 0) pages[page] = { at: typeof value.at === 'number' ? value.at : 0, keys };
  }
  return { pages };
}

/** The dismissed keys of one page. */
export function dismissedOn(d: Dismissals, page: string): Set<string> {
  return new Set(d.pages[page]?.keys ?? []);
}

/** `d` with `key` dismissed on `page`; the oldest pages and keys go past the limits. */
export function withDismissal(d: Dismissals, page: string, key: string, now: number): Dismissals {
  const keys = [...(d.pages[page]?.keys ?? []).filter((k) => k !== key), key].slice(-MAX_PER_PAGE);
  const pages = { ...d.pages, [page]: { at: now, keys } };
  const ordered = Object.entries(pages).sort((a, b) => b[1].at - a[1].at).slice(0, MAX_PAGES);
  return { pages: Object.fromEntries(ordered) };
}

/** `d` without `key` on `page` (undo). */
export function withoutDismissal(d: Dismissals, page: string, key: string): Dismissals {
  const current = d.pages[page];
  if (!current) return d;
  const keys = current.keys.filter((k) => k !== key);
  const pages = { ...d.pages };
  if (keys.length > 0) pages[page] = { at: current.at, keys };
  else delete pages[page];
  return { pages };
}
