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
 * Text from the dataset (or a file name, a URL) to insert into a UI sentence, isolated for the bidi algorithm
 * (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, as <bdi> does): an Arabic publisher's name
 * inside an English sentence, or an English one in an Arabic sentence, can't reorder the sentence around it.
 * For text that is shown: an accessible name (aria-label) is read in logical order, and is left as it is.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The UI language the browser chose for us ('ar' or 'en'). */
export function uiLanguage(): 'ar' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function dirOf(lang: string): 'rtl' | 'ltr' {
  return lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr';
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
