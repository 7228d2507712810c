/**
 * "Not this one", in storage.local under one key (see src/core/ui/mention-dismissals.ts for what is kept and why):
 * the content script writes it and follows storage.onChanged, so an undo, or a dismissal made in another tab of
 * the same page, applies at once.
 */
import {
  dismissedOn, pageKey, sanitizeDismissals, withDismissal, withoutDismissal, type Dismissals,
} from '../core/ui/mention-dismissals.ts';
import { browser } from './browser.ts';
import { DISMISSALS_KEY } from './storage-keys.ts';

async function load(): Promise<Dismissals> {
  return sanitizeDismissals((await browser.storage.local.get(DISMISSALS_KEY))[DISMISSALS_KEY]);
}

/** The keys dismissed on the page at `url`. */
export async function loadDismissed(url: string): Promise<Set<string>> {
  return dismissedOn(await load(), pageKey(url));
}

export async function dismissMention(url: string, key: string): Promise<void> {
  await browser.storage.local.set({ [DISMISSALS_KEY]: withDismissal(await load(), pageKey(url), key, Date.now()) });
}

export async function undismissMention(url: string, key: string): Promise<void> {
  await browser.storage.local.set({ [DISMISSALS_KEY]: withoutDismissal(await load(), pageKey(url), key) });
}

/** Calls `onChange` with the page's dismissed keys whenever they change; returns an unsubscribe. */
export function watchDismissed(url: () => string, onChange: (keys: Set<string>) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && DISMISSALS_KEY in changes) onChange(dismissedOn(sanitizeDismissals(changes[DISMISSALS_KEY]?.newValue), pageKey(url())));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
