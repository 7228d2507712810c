/** Entry of the welcome page (welcome.html), opened once when Dramatis is installed. */
import { render } from 'preact';
import { dirOf, t, uiLanguage } from '../shared/i18n.ts';
import { WelcomeApp } from './WelcomeApp.tsx';

const lang = uiLanguage();
document.documentElement.lang = lang;
document.documentElement.dir = dirOf(lang);
document.title = t('welcomeTitle');
render(<WelcomeApp />, document.getElementById('app')!);
