/** The stored settings, followed live (a change made in another panel, a card or a toast shows at once). */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '../shared/settings.ts';

export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return settings;
}
