/**
 * A compact trie over folded name keys, on three flat typed arrays and no per-node objects, so that it can be
 * stored in IndexedDB as is and loaded without rebuilding.
 *
 * Layout invariants (what `buildTrie` guarantees and `NameTrie` relies on):
 * - node 0 is the root; nodes are numbered breadth-first, so the children of node v are the consecutive ids
 *   firstChild[v] .. firstChild[v + 1] - 1, and firstChild is non-decreasing (length nodes + 1);
 * - the children of a node are sorted by nodeChar (the UTF-16 code unit on the edge into the child), so a
 *   lookup is a short scan or a binary search;
 * - nodeKey[v] is the index of the key that ends at v (its rank in the sorted key list), or -1;
 * - id 0 is never a child, so "no child" is 0.
 */

/** The stored form of the trie (structured-clone friendly). */
export interface TrieArrays {
  firstChild: Uint32Array;
  nodeChar: Uint16Array;
  nodeKey: Int32Array;
}

/**
 * Builds the trie of `keys`, which must be sorted by UTF-16 code units (the default `Array.prototype.sort`)
 * and free of duplicates and empty strings; key i is reported as nodeKey = i.
 * Linear in the total key length: nodes are made depth-first from the sorted keys (shared prefixes found by
 * comparing each key with the previous one), then renumbered breadth-first.
 */
export function buildTrie(keys: readonly string[]): TrieArrays {
  let total = 1;
  let maxLen = 0;
  for (const k of keys) {
    total += k.length;
    if (k.length > maxLen) maxLen = k.length;
  }
  const parent = new Int32Array(total);
  const ch = new Uint16Array(total);
  const key = new Int32Array(total).fill(-1);
  const path = new Int32Array(maxLen + 1); // path[d]: node at depth d on the previous key's path
  let count = 1;
  let prev = '';
  for (let ki = 0; ki < keys.length; ki++) {
    const k = keys[ki]!;
    let lcp = 0;
    const lim = Math.min(prev.length, k.length);
    while (lcp < lim && prev.charCodeAt(lcp) === k.charCodeAt(lcp)) lcp++;
    for (let d = lcp; d < k.length; d++) {
      const v = count++;
      parent[v] = path[d]!;
      ch[v] = k.charCodeAt(d);
      path[d + 1] = v;
    }
    key[path[k.length]!] = ki;
    prev = k;
  }
  // Children lists by depth-first id; creation order within a parent is increasing char order (sorted keys).
  const childStart = new Uint32Array(count + 1);
  for (let v = 1; v < count; v++) childStart[parent[v]! + 1]!++;
  for (let v = 0; v < count; v++) childStart[v + 1]! += childStart[v]!;
  const fill = childStart.slice(0, count);
  const children = new Uint32Array(Math.max(0, count - 1));
  for (let v = 1; v < count; v++) children[fill[parent[v]!]!++] = v;
  // Breadth-first renumbering.
  const order = new Uint32Array(count);
  const firstChild = new Uint32Array(count + 1);
  const nodeChar = new Uint16Array(count);
  const nodeKey = new Int32Array(count);
  let tail = 1;
  for (let head = 0; head < count; head++) {
    const v = order[head]!;
    firstChild[head] = tail;
    nodeChar[head] = ch[v]!;
    nodeKey[head] = key[v]!;
    for (let i = childStart[v]!, end = childStart[v + 1]!; i < end; i++) order[tail++] = children[i]!;
  }
  firstChild[count] = tail;
  return { firstChild, nodeChar, nodeKey };
}

/** Read access to a built trie; the root's children are looked up in a direct table built on load (<1 ms). */
export class NameTrie {
  readonly firstChild: Uint32Array;
  readonly nodeChar: Uint16Array;
  readonly nodeKey: Int32Array;
  /** The root's child on each code unit, or 0: the first step of every walk. */
  readonly rootTable: Uint32Array;

  constructor(arrays: TrieArrays) {
    this.firstChild = arrays.firstChild;
    this.nodeChar = arrays.nodeChar;
    this.nodeKey = arrays.nodeKey;
    this.rootTable = new Uint32Array(0x10000);
    for (let i = this.firstChild[0]!, end = this.firstChild[1]!; i < end; i++) this.rootTable[this.nodeChar[i]!] = i;
  }

  /** The child of node `v` on code unit `c`, or 0 if there is none. */
  child(v: number, c: number): number {
    if (v === 0) return this.rootTable[c]!;
    const chars = this.nodeChar;
    let lo = this.firstChild[v]!;
    let hi = this.firstChild[v + 1]!;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) {
        const x = chars[lo]!;
        if (x === c) return lo;
        if (x > c) return 0;
      }
      return 0;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = chars[mid]!;
      if (x === c) return mid;
      if (x < c) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }
}
