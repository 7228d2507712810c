/**
 * The one order of records by id. Stored buckets, exported and patched packs, the matcher's entity order (which
 * its overlay binary-searches) and every tie broken by id must agree on it, or a patched dataset would differ from
 * the same data installed whole. It compares UTF-16 code units (what `<` does), never `localeCompare`: the order
 * must not depend on the browser's locale or ICU version.
 */

/** Compares two ids: negative, zero or positive, for `Array.prototype.sort`. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two records by their ids. */
export function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return compareIds(a.id, b.id);
}
