/**
 * UI strings come only from _locales/<lang>/messages.json through the browser's i18n, so no user-visible
 * string lives in code. `MessageKey` is read from the English catalogue's type, so a typo in a key is a compile
 * error, and a unit test checks both languages have every key.
 */
import { browser } from './browser.ts';

export type MessageKey = keyof typeof import('../../assets/_locales/en/messages.json');

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The UI language the browser chose for us ('ar' or 'en'): the language of the catalogue it reads our messages
 * from (each catalogue names itself in `catalogueLanguage`), so plural rules and text direction always match
 * the messages shown. getUILanguage() can disagree with the catalogue: Chromium started with --lang=ar shows
 * Arabic messages while a service worker's getUILanguage() still reports the system's language. Ask it when it
 * is needed, not at a context's start: in a page, the first i18n call loads the extension's message catalogue
 * (10–17 ms, measured with a CPU profile), which a page whose reader never opens a card should not pay.
 */
export function uiLanguage(): 'ar' | 'en' {
  return (chosen ??= catalogueLanguage());
}

/** A context reads one catalogue for its life: asked once, when first needed (see uiLanguage). */
let chosen: 'ar' | 'en' | undefined;

function catalogueLanguage(): 'ar' | 'en' {
  const catalogue = browser.i18n.getMessage('catalogueLanguage');
  if (catalogue === 'ar' || catalogue === 'en') return catalogue;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function dirOf(lang: string): 'rtl' | 'ltr' {
  return lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr';
}

/** First-strong isolate … pop directional isolate: the plain-text form of <bdi>. */
const FSI = '\u2068';
const PDI = '\u2069';

/** A text of any direction (a name) isolated for a plain string: the text form of <bdi>. */
export function isolated(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/**
 * A message whose substitutions (names, dates: text of any direction) are each isolated, for strings that can't
 * hold a <bdi> (document titles, status lines read as text). In markup, use <Msg> (src/shared/ui/Msg.tsx).
 */
export function tIsolated(key: MessageKey, substitutions: string | string[]): string {
  return t(key, (Array.isArray(substitutions) ? substitutions : [substitutions]).map(isolated));
}

/** A language's name in the UI language ("Arabic", «العربية»), for labelling quotes. */
export function languageName(code: string, ui: 'ar' | 'en' = uiLanguage()): string {
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralCategory = (typeof PLURAL_CATEGORIES)[number];
type PluralBase<K> = K extends `${infer B}_other` ? B : never;

/**
 * A counted message. Browser i18n has no plurals, so a counted message has one key per CLDR plural category
 * (`key_one`, `key_few`, …; Arabic uses all six) and the category comes from Intl.PluralRules.
 */
export function tCount(base: PluralBase<MessageKey>, count: number): string {
  const category = new Intl.PluralRules(uiLanguage()).select(count) as PluralCategory;
  return t(`${base}_${category}` as MessageKey, String(count));
}
