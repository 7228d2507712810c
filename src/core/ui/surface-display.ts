/**
 * How a name found on a page is shown on its own (the side panel's list of surfaces). The matcher reports the
 * text exactly as it stands, without attached prefixes; one prefix changes the name's own letters: ل + ال is
 * written لل, so in للنظام الإيراني the mention starts at the second ل and reads «لنظام الإيراني», which looks
 * like a typo once it stands alone. With its alef back it is the name a reader would write: النظام الإيراني.
 */
import { foldKey } from '../matching/normalize.ts';

/** `surface` as a name standing alone; `aliasKeys` are foldKey()s of the entity's aliases. */
export function surfaceAlone(surface: string, aliasKeys: ReadonlySet<string>): string {
  if (!surface.startsWith('ل') || aliasKeys.has(foldKey(surface))) return surface;
  const withAlef = `ا${surface}`;
  return aliasKeys.has(foldKey(withAlef)) ? withAlef : surface;
}

/** The distinct surfaces of an entity as shown alone, in first-seen order. */
export function distinctSurfaces(surfaces: readonly string[], aliasKeys: ReadonlySet<string>): string[] {
  return [...new Set(surfaces.map((s) => surfaceAlone(s, aliasKeys)))];
}
