/**
 * Who claims a matching key, read from the compiled matcher of the stored dataset, which already maps every
 * folded alias key to its entities and their flags: the patch check needs no index of its own for the alias
 * rules. (The compiled flags agree with the alias rules because the stored data passed them: no alias is both
 * ambiguous and full, and one entity's aliases on one key share their `ambiguous` flag.)
 */
import type { AliasClaim } from './feed-patch-check.ts';
import { FLAG_AMBIGUOUS } from './licensing.ts';
import type { SerializedMatcher } from './name-matcher.ts';
import { NameTrie } from './name-trie.ts';

export function claimsFromMatcher(m: SerializedMatcher): (key: string) => AliasClaim[] {
  const trie = new NameTrie(m.trie);
  const { keyEntryStart, entryEntity, entryFlags } = m.entries;
  return (key) => {
    let v = 0;
    for (let i = 0; i < key.length; i++) {
      v = trie.child(v, key.charCodeAt(i));
      if (v === 0) return [];
    }
    const k = trie.nodeKey[v]!;
    if (k < 0) return [];
    const claims: AliasClaim[] = [];
    for (let e = keyEntryStart[k]!; e < keyEntryStart[k + 1]!; e++) {
      const entity = entryEntity[e]!;
      if (entity >= 0) claims.push({ entityId: m.entityIds[entity]!, ambiguous: (entryFlags[e]! & FLAG_AMBIGUOUS) !== 0 });
    }
    return claims;
  };
}
