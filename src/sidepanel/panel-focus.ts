/**
 * The entity the panel should show, written to storage.session under PANEL_FOCUS_KEY by the openSidePanel
 * request (the card's "Show in side panel"), and the search it should show, under PANEL_SEARCH_KEY (the "Look
 * up" menu item). The panel follows changes of the keys; on opening, it honours a request made in the last
 * moments (the one that opened it), not an old one left from earlier.
 */
import { browser } from '../shared/browser.ts';
import { PANEL_FOCUS_KEY, PANEL_SEARCH_KEY } from '../shared/storage-keys.ts';

/** How recent a focus request must be to be honoured when the panel opens. */
export const FRESH_MS = 15_000;

function entityIdOf(value: unknown): string | undefined {
  const v = value as { entityId?: unknown; at?: unknown } | undefined;
  return typeof v?.entityId === 'string' && v.entityId !== '' ? v.entityId : undefined;
}

export async function initialFocus(now = Date.now()): Promise<string | undefined> {
  const stored = (await browser.storage.session.get(PANEL_FOCUS_KEY))[PANEL_FOCUS_KEY] as { at?: unknown } | undefined;
  const at = typeof stored?.at === 'number' ? stored.at : 0;
  return now - at <= FRESH_MS ? entityIdOf(stored) : undefined;
}

export function watchFocus(onFocus: (entityId: string) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(PANEL_FOCUS_KEY in changes)) return;
    const id = entityIdOf(changes[PANEL_FOCUS_KEY]?.newValue);
    if (id) onFocus(id);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** A search the panel was asked to show ("Look up" on a selection), with when it was asked. */
export interface SearchRequest {
  query: string;
  at: number;
}

function searchOf(value: unknown): SearchRequest | undefined {
  const v = value as { query?: unknown; at?: unknown } | undefined;
  return typeof v?.query === 'string' && typeof v.at === 'number' ? { query: v.query, at: v.at } : undefined;
}

/** The search asked for in the last moments (the one that opened the panel), if any. */
export async function initialSearch(now = Date.now()): Promise<SearchRequest | undefined> {
  const request = searchOf((await browser.storage.session.get(PANEL_SEARCH_KEY))[PANEL_SEARCH_KEY]);
  return request && now - request.at <= FRESH_MS ? request : undefined;
}

export function watchSearch(onSearch: (request: SearchRequest) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(PANEL_SEARCH_KEY in changes)) return;
    const request = searchOf(changes[PANEL_SEARCH_KEY]?.newValue);
    if (request) onSearch(request);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
