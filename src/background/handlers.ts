/**
 * The background's implementation of the whole BackgroundApi (a missing request is a compile error): the page
 * and dataset requests here, each further area's handlers from its own file.
 */
import { answerOf, findInChunk } from '../core/scan-answer.ts';
import { browser } from '../shared/browser.ts';
import type { AccessTable } from '../shared/listen.ts';
import { PAGE_ACCESS, PANEL_FOCUS_KEY, type BackgroundApi, type Handlers, type PageApi } from '../shared/messages.ts';
import { PANEL_ACCESS } from '../shared/panel-api.ts';
import { SYNC_ACCESS } from '../shared/sync-api.ts';
import { sendToTab } from '../shared/send.ts';
import { briefsFor } from './brief-cache.ts';
import { ensureDataset } from './bundled-pack.ts';
import { getEntitiesWithSources } from './dataset-store.ts';
import { openDatabase } from './db.ts';
import { currentMatcher } from './matcher-cache.ts';
import { panelHandlers } from './panel-handlers.ts';
import { openSidePanelFor } from './side-panel.ts';
import { syncHandlers } from './sync-handlers.ts';

/** Larger texts are refused rather than risking the worker's memory; the content script sends chunks. */
export const MAX_SCAN_CHARS = 4_000_000;

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

const pageHandlers: Handlers<PageApi> = {
  async scanText({ text, licensed }) {
    if (typeof text !== 'string' || !isStringArray(licensed)) throw new Error('scanText: bad parameters');
    if (text.length > MAX_SCAN_CHARS) throw new Error('scanText: text too long');
    const { version, matcher } = await currentMatcher();
    const found = findInChunk(matcher, text, licensed);
    return answerOf(matcher, found, await briefsFor(version, found.entityIds));
  },

  async getEntities({ ids }) {
    if (!isStringArray(ids)) throw new Error('getEntities: bad parameters');
    await ensureDataset();
    return getEntitiesWithSources(await openDatabase(), ids.slice(0, 1000));
  },

  async getPageMentions({ tabId }) {
    if (typeof tabId !== 'number' || !Number.isInteger(tabId)) throw new Error('getPageMentions: bad tabId');
    // Asked of the tab itself, so the answer is as live as the page and no per-tab state lives in the worker.
    return sendToTab(tabId, 'collectMentions', {});
  },

  async getDatasetInfo() {
    return (await ensureDataset()) ?? null;
  },

  async openSidePanel({ entityId }, ctx) {
    if (entityId !== undefined && (typeof entityId !== 'string' || !/^[a-z0-9][a-z0-9-]{0,79}$/.test(entityId))) {
      throw new Error('openSidePanel: bad entityId');
    }
    if (typeof entityId === 'string') {
      await browser.storage.session.set({ [PANEL_FOCUS_KEY]: { entityId, at: Date.now() } });
    }
    return { opened: await openSidePanelFor(ctx.tabId) };
  },
};

export const handlers: Handlers<BackgroundApi> = { ...pageHandlers, ...syncHandlers, ...panelHandlers };

/** Who may ask each request (listen.ts checks every message against it). */
export const access: AccessTable<BackgroundApi> = { ...PAGE_ACCESS, ...SYNC_ACCESS, ...PANEL_ACCESS };
