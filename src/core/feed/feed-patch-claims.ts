/**
 * Who claims a matching key, read from the compiled matcher of the stored dataset (its base and any update
 * overlay), which already maps every folded alias key to its entities and their flags: the patch check needs no
 * index of its own for the alias rules. (The compiled flags agree with the alias rules because the stored data
 * passed them: no alias is both ambiguous and full, and one entity's aliases on one key share their `ambiguous`
 * flag.)
 */
import type { AliasClaim } from './feed-patch-check.ts';
import type { Matcher } from '../matching/name-matcher.ts';

export function claimsFromMatcher(m: Matcher): (key: string) => AliasClaim[] {
  return (key) => m.keyClaims(key);
}
