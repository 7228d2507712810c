/**
 * Settings as the tests write them to storage.local (src/shared/settings.ts can't be imported in Node: it loads
 * the extension API polyfill). The key and shape are that module's; the baseline is its defaults, restated.
 */
import type { Settings } from '../../src/shared/settings.ts';

/** settings.ts's SETTINGS_KEY. */
export const SETTINGS_KEY = 'settings';

export const BASELINE: Readonly<Settings> = Object.freeze<Settings>({
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  hoverDelayMs: 150,
  shownTypes: ['person', 'organisation', 'media', 'place'],
  mutedEntities: [],
});

/** The storage item for the baseline settings with `change` applied. */
export function settingsItem(change: Partial<Settings> = {}): Record<string, Settings> {
  return { [SETTINGS_KEY]: { ...BASELINE, ...change } };
}
