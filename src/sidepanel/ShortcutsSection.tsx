/**
 * The keyboard shortcuts, as the browser has them now: every keyboard action of Dramatis is a manifest command,
 * so the browser's own shortcut settings list them and let the reader change them; this says where. (Chrome
 * lets an extension open that page; Firefox does not, so there the way is described.)
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { t, type MessageKey } from '../shared/i18n.ts';

const LABELS: Record<string, MessageKey> = {
  _execute_action: 'panelCommandOpen',
  _execute_sidebar_action: 'panelCommandOpen',
  'open-card': 'commandOpenCard',
  'toggle-highlights': 'commandToggleHighlights',
};

interface Command {
  name: string;
  shortcut: string;
}

const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

export function ShortcutsSection() {
  const [commands, setCommands] = useState<Command[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(
      (all) => setCommands(all.filter((c) => c.name !== undefined && c.name in LABELS).map((c) => ({ name: c.name!, shortcut: c.shortcut ?? '' }))),
      () => undefined,
    );
  }, []);
  return (
    <fieldset class="shortcuts">
      <legend>{t('shortcutsTitle')}</legend>
      <dl>
        {commands.map((c) => (
          <div key={c.name} data-command={c.name}>
            <dt>{t(LABELS[c.name]!)}</dt>
            <dd>{c.shortcut ? <kbd dir="ltr">{c.shortcut}</kbd> : t('shortcutNone')}</dd>
          </div>
        ))}
      </dl>
      {isFirefox() ? (
        <p class="hint">{t('shortcutsChangeFirefox')}</p>
      ) : (
        <button type="button" class="shortcuts-change" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
          {t('shortcutsChange')}
        </button>
      )}
    </fieldset>
  );
}
