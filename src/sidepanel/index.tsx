import { render } from 'preact';
import { dirOf, uiLanguage } from '../shared/i18n.ts';
import { App } from './App.tsx';

const lang = uiLanguage();
document.documentElement.lang = lang;
document.documentElement.dir = dirOf(lang);
render(<App />, document.getElementById('app')!);
