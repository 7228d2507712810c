/**
 * The user's settings (src/shared/settings.ts), written with `updateSettings` as each control changes: open
 * tabs follow storage.onChanged and apply them at once. The controls follow the stored settings too, so a
 * change made elsewhere (another panel, a card's "Don't show", the toolbar button's menu) shows here. The
 * browser's "Extension options" shows this same form (options.tsx), without a current page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Entity, EntityType } from '../core/dataset/dataset-schema.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { siteOf, updateSettings, type HighlightStyle, type Settings } from '../shared/settings.ts';
import { isolated, t, type MessageKey } from '../shared/i18n.ts';
import { ENTITY_TYPES, GROUP_KEYS, inUi } from './entity-text.ts';
import { ShortcutsSection } from './ShortcutsSection.tsx';
import { useSettings } from './use-settings.ts';

const STYLE_KEYS: Record<HighlightStyle, MessageKey> = {
  underline: 'panelStyleUnderline',
  background: 'panelStyleBackground',
  none: 'panelStyleNone',
};

/** Names of the muted entities, fetched when the list changes (ids the dataset no longer has show as ids). */
function useNames(ids: readonly string[]): ReadonlyMap<string, Entity> {
  const [names, setNames] = useState<ReadonlyMap<string, Entity>>(new Map());
  const key = ids.join('\n');
  useEffect(() => {
    if (ids.length === 0) return;
    void sendToBackground('getEntities', { ids: [...ids] }).then(
      ({ entities }) => setNames(new Map(entities.map((e) => [e.id, e]))),
      () => undefined,
    );
  }, [key]);
  return names;
}

const change = (patch: (s: Settings) => Partial<Settings>) => void updateSettings(patch);

export function SettingsTab({ pageUrl }: { pageUrl: string | undefined }) {
  const settings = useSettings();
  const muted = useNames(settings.mutedEntities);
  const site = siteOf(pageUrl);
  const siteOn = site !== undefined && !settings.disabledSites.includes(site);
  const setType = (type: EntityType, on: boolean) =>
    change((s) => ({ shownTypes: on ? [...new Set([...s.shownTypes, type])] : s.shownTypes.filter((x) => x !== type) }));

  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('panelSettingsWhere')}</legend>
        <label class="check">
          <input type="checkbox" id="setting-enabled" checked={settings.enabled} onChange={(e) => {
              // Read now: currentTarget is gone once the event is dispatched, before updateSettings calls back.
              const enabled = e.currentTarget.checked;
              change(() => ({ enabled }));
            }} />
          {t('panelSettingsEnabled')}
        </label>
        {site !== undefined ? (
          <label class="check">
            <input
              type="checkbox"
              id="setting-site"
              checked={siteOn}
              disabled={!settings.enabled}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                change((s) => ({ disabledSites: on ? s.disabledSites.filter((x) => x !== site) : [...new Set([...s.disabledSites, site])] }));
              }}
            />
            {t('panelSettingsSite', isolated(site))}
          </label>
        ) : (
          <p class="hint">{t('panelSettingsSiteUnknown')}</p>
        )}
        <h2 id="disabled-sites-heading">{t('panelSettingsDisabledSites')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="hint">{t('panelSettingsNone')}</p>
        ) : (
          <ul class="disabled-sites" aria-labelledby="disabled-sites-heading">
            {settings.disabledSites.map((host) => (
              <li key={host} data-site={host}>
                <span dir="ltr">{host}</span>
                <button type="button" aria-label={t('panelSettingsEnableSiteLabel', host)}
                  onClick={() => change((s) => ({ disabledSites: s.disabledSites.filter((x) => x !== host) }))}>
                  {t('panelSettingsEnableSite')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('panelSettingsStyle')}</legend>
        {(Object.keys(STYLE_KEYS) as HighlightStyle[]).map((style) => (
          <label class="check" key={style}>
            <input type="radio" name="highlight-style" value={style} checked={settings.highlightStyle === style}
              onChange={() => change(() => ({ highlightStyle: style }))} />
            {t(STYLE_KEYS[style])}
            {/* What the page shows in this style, on a sample word. */}
            <span class={`style-sample style-sample-${style}`} aria-hidden="true">{t('panelStyleSample')}</span>
          </label>
        ))}
      </fieldset>

      <div class="range">
        <label for="setting-delay">{t('panelSettingsDelay')}</label>
        <input type="range" id="setting-delay" min={0} max={1000} step={50} value={settings.hoverDelayMs}
          aria-valuetext={t('panelSettingsDelayValue', String(settings.hoverDelayMs))}
          onChange={(e) => {
            const hoverDelayMs = Number(e.currentTarget.value);
            change(() => ({ hoverDelayMs }));
          }} />
        <output for="setting-delay">{t('panelSettingsDelayValue', String(settings.hoverDelayMs))}</output>
      </div>

      <fieldset>
        <legend>{t('panelSettingsTypes')}</legend>
        {ENTITY_TYPES.map((type) => (
          <label class="check" key={type}>
            <input type="checkbox" data-type={type} checked={settings.shownTypes.includes(type)}
              onChange={(e) => setType(type, e.currentTarget.checked)} />
            {t(GROUP_KEYS[type])}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('panelSettingsMuted')}</legend>
        {settings.mutedEntities.length === 0 ? (
          <p class="hint">{t('panelSettingsNone')}</p>
        ) : (
          <ul class="muted-entities">
            {settings.mutedEntities.map((id) => {
              const name = muted.get(id) ? inUi(muted.get(id)!.name) : id;
              return (
                <li key={id} data-entity-id={id}>
                  <span>{name}</span>
                  <button type="button" aria-label={t('actionUnmute', name)}
                    onClick={() => change((s) => ({ mutedEntities: s.mutedEntities.filter((x) => x !== id) }))}>
                    {t('panelSettingsUnmute')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>

      <ShortcutsSection />
    </form>
  );
}
