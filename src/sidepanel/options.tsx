/**
 * Entry of the options page (options.html, the manifest's `options_ui`): the browser's "Extension options"
 * opens the very Settings the side panel shows. There is no current page here, so the site switch says to open
 * one; sites already turned off are listed and can be turned back on.
 */
import { render } from 'preact';
import { dirOf, t, uiLanguage } from '../shared/i18n.ts';
import { SettingsTab } from './SettingsTab.tsx';

const lang = uiLanguage();
document.documentElement.lang = lang;
document.documentElement.dir = dirOf(lang);
document.title = t('optionsTitle');
render(
  <main class="options">
    <h1>{t('optionsTitle')}</h1>
    <SettingsTab pageUrl={undefined} />
  </main>,
  document.getElementById('app')!,
);
