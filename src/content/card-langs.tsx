/**
 * The card speaks two languages at once: the entity's content follows the page (an Arabic name on the page, an
 * Arabic card), while the card's own labels come from the browser's UI language (browser i18n has no other).
 * The card's `lang`/`dir` are the content's; every UI label sits in an inline element with its own `lang` and
 * `dir`, which isolates it for the bidi algorithm without changing the block's alignment.
 */
import type { ComponentChildren } from 'preact';
import { dirOf } from '../shared/i18n.ts';

export interface CardLangs {
  /** The language of the entity's content on this card (the script the name has on the page). */
  content: 'ar' | 'en';
  /** The browser's UI language: the card's labels. */
  ui: 'ar' | 'en';
}

/** A UI label, marked with the UI language when it differs from the content's. */
export function UiText({ langs, class: cls, children }: { langs: CardLangs; class?: string; children: ComponentChildren }) {
  if (langs.ui === langs.content) return <span class={cls}>{children}</span>;
  return <span class={cls} lang={langs.ui} dir={dirOf(langs.ui)}>{children}</span>;
}
