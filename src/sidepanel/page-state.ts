/**
 * The page the panel describes: which tab, its URL and mentions (the getPageMentions contract), and the
 * entities found there (for their types and names in the UI language). Kept current as the user switches tabs,
 * pages load, the content script announces a change (pageMentionsChanged), settings change, or a new dataset is
 * installed; and, while the panel is visible, by asking again every few seconds, so a change nobody announced
 * (a frame, a content script of an older version) still shows. An unchanged answer renders nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Entity } from '../core/dataset/dataset-schema.ts';
import { browser } from '../shared/browser.ts';
import type { PageMentions } from '../shared/api/messages.ts';
import { DATASET_STAMP_KEY, SETTINGS_KEY } from '../shared/storage-keys.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { targetTabId, watchActiveTab, watchPageMentionsChanged } from './active-tab.ts';

/** How often a visible panel asks the page again. */
export const POLL_MS = 3000;

export type PageState =
  | { kind: 'loading' }
  | { kind: 'ready'; tabId: number; page: PageMentions; entities: ReadonlyMap<string, Entity> }
  | { kind: 'unavailable'; tabId?: number };

export function usePageState(): { state: PageState; refresh: () => Promise<void> } {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const known = useRef(new Map<string, Entity>());
  const tab = useRef<number | undefined>(undefined);
  // Answers can come back out of order (a slow page, then a fast one): only the latest request's is shown.
  const seq = useRef(0);
  const shown = useRef('');

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    const tabId = await targetTabId();
    tab.current = tabId;
    if (tabId === undefined) return setState({ kind: 'unavailable' });
    try {
      const page = await sendToBackground('getPageMentions', { tabId });
      const missing = [...new Set(page.mentions.map((m) => m.entityId))].filter((id) => !known.current.has(id));
      if (missing.length > 0) {
        const { entities } = await sendToBackground('getEntities', { ids: missing });
        for (const e of entities) known.current.set(e.id, e);
      }
      const key = JSON.stringify([tabId, page]);
      if (mine === seq.current && key !== shown.current) {
        shown.current = key;
        setState({ kind: 'ready', tabId, page, entities: new Map(known.current) });
      }
    } catch {
      // No content script in that tab: a browser page, the store, our own pages, or a page still loading.
      if (mine === seq.current) {
        shown.current = '';
        setState({ kind: 'unavailable', tabId });
      }
    }
  }, []);

  useEffect(() => {
    void refresh();
    const stopTabs = watchActiveTab(() => void refresh());
    const stopPage = watchPageMentionsChanged((tabId) => {
      if (tabId === tab.current) void refresh();
    });
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local') return;
      if (DATASET_STAMP_KEY in changes) {
        // Entities may have changed with the dataset.
        known.current.clear();
        void refresh();
      } else if (SETTINGS_KEY in changes) {
        // The page may now show more or fewer names (a site turned off, a type hidden).
        void refresh();
      }
    };
    browser.storage.onChanged.addListener(onStorage);
    const poll = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
    return () => {
      clearInterval(poll);
      stopTabs();
      stopPage();
      browser.storage.onChanged.removeListener(onStorage);
    };
  }, [refresh]);

  return { state, refresh };
}
