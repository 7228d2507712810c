/**
 * The user's settings, in `storage.local` under one key. Kept apart from the dataset (IndexedDB), so dataset
 * updates never touch them; every context reads them directly and follows `storage.onChanged`, so a change
 * applies to open tabs at once without a message round trip.
 */
import { browser } from './browser.ts';
import { sanitizeSettings, type Settings } from './settings-model.ts';
import { SETTINGS_KEY } from './storage-keys.ts';

export * from './settings-model.ts';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return sanitizeSettings(stored[SETTINGS_KEY]);
}

/** Applies a change to the stored settings (read-modify-write of one key). */
export async function updateSettings(change: (s: Settings) => Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const next = sanitizeSettings({ ...current, ...change(current) });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `onChange` with the new settings whenever they change, in any context; returns an unsubscribe. */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) onChange(sanitizeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
