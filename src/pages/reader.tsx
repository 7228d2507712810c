/** Entry of the article reader page (reader.html). */
import { render } from 'preact';
import { dirOf, uiLanguage } from '../shared/i18n.ts';
import { ReaderApp } from './ReaderApp.tsx';

const lang = uiLanguage();
document.documentElement.lang = lang;
document.documentElement.dir = dirOf(lang);
render(<ReaderApp />, document.getElementById('app')!);
