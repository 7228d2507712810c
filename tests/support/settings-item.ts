/** Settings as the tests write them to storage.local: the extension's own key and defaults. */
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings-model.ts';
import { SETTINGS_KEY } from '../../src/shared/storage-keys.ts';

export { SETTINGS_KEY };

/** The defaults, the baseline every test starts from. */
export const BASELINE: Readonly<Settings> = DEFAULT_SETTINGS;

/** The storage item for the baseline settings with `change` applied. */
export function settingsItem(change: Partial<Settings> = {}): Record<string, Settings> {
  return { [SETTINGS_KEY]: { ...BASELINE, ...change } };
}
