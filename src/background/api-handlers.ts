/**
 * The background's implementation of the whole BackgroundApi (a missing request is a compile error): the page
 * and dataset requests here, each further area's handlers from its own file.
 */
import { answerOf, findInChunk } from '../core/matching/scan-answer.ts';
import { browser } from '../shared/browser.ts';
import type { AccessTable, ParamsTable } from '../shared/api/dispatch.ts';
import { PAGE_ACCESS, PAGE_PARAMS, type BackgroundApi, type Handlers, type PageApi } from '../shared/api/messages.ts';
import { PANEL_ACCESS, PANEL_PARAMS } from '../shared/api/panel-api.ts';
import { SYNC_ACCESS, SYNC_PARAMS } from '../shared/api/sync-api.ts';
import { sendToTab } from '../shared/api/send.ts';
import { PANEL_FOCUS_KEY } from '../shared/storage-keys.ts';
import { briefsFor } from './store/brief-cache.ts';
import { ensureDataset } from './store/bundled-pack.ts';
import { getEntitiesWithSources } from './store/dataset-store.ts';
import { openDatabase } from './store/db.ts';
import { currentMatcher } from './store/matcher-cache.ts';
import { panelHandlers } from './panel-handlers.ts';
import { openSidePanelFor } from './side-panel.ts';
import { syncHandlersOf } from './sync-handlers.ts';
import { syncService } from './sync/sync-service.ts';

const pageHandlers: Handlers<PageApi> = {
  async scanText({ text, licensed }) {
    const { version, matcher } = await currentMatcher();
    const found = findInChunk(matcher, text, licensed);
    return answerOf(matcher, found, await briefsFor(version, found.entityIds));
  },

  async getEntities({ ids }) {
    await ensureDataset();
    return getEntitiesWithSources(await openDatabase(), ids.slice(0, 1000));
  },

  async getPageMentions({ tabId }) {
    // Asked of the tab itself, so the answer is as live as the page and no per-tab state lives in the worker.
    return sendToTab(tabId, 'collectMentions', {});
  },

  async getDatasetInfo() {
    return (await ensureDataset()) ?? null;
  },

  async openSidePanel({ entityId }, ctx) {
    if (entityId !== undefined) {
      await browser.storage.session.set({ [PANEL_FOCUS_KEY]: { entityId, at: Date.now() } });
    }
    return { opened: await openSidePanelFor(ctx.tabId) };
  },
};

export const handlers: Handlers<BackgroundApi> = { ...pageHandlers, ...syncHandlersOf(syncService), ...panelHandlers };

/** Who may ask each request, and the params each takes (listen.ts checks every message against both). */
export const access: AccessTable<BackgroundApi> = { ...PAGE_ACCESS, ...SYNC_ACCESS, ...PANEL_ACCESS };
export const schemas: ParamsTable<BackgroundApi> = { ...PAGE_PARAMS, ...SYNC_PARAMS, ...PANEL_PARAMS };
