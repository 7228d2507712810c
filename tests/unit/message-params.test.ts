/**
 * Messages are checked at the boundary: the dispatcher listen.ts registers refuses a request whose params don't
 * match its schema, in words that name the request and the problem, before any handler runs; and it lets through
 * every shape of params the extension itself sends.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Runtime } from '../../src/shared/browser.ts';
import { createDispatcher, type AccessTable, type ParamsTable } from '../../src/shared/api/dispatch.ts';
import { paramsProblem } from '../../src/shared/api/param-errors.ts';
import {
  CONTENT_ACCESS, CONTENT_PARAMS, PAGE_ACCESS, PAGE_PARAMS, type BackgroundApi, type ContentApi, type Handlers,
} from '../../src/shared/api/messages.ts';
import { PANEL_ACCESS, PANEL_PARAMS } from '../../src/shared/api/panel-api.ts';
import { MAX_FILE_BYTES } from '../../src/core/feed/feed-index.ts';
import { IMPORT_CHUNK_CHARS, MAX_IMPORT_BYTES, MAX_IMPORT_CHUNKS, SYNC_ACCESS, SYNC_PARAMS } from '../../src/shared/api/sync-api.ts';

// The origin as listen.ts's ownOrigin() computes it (Node's URL gives 'null' for a chrome-extension: URL, where a
// browser gives 'chrome-extension://<id>'; senderKind compares the two computed the same way).
const own = { id: 'dramatis-id', origin: new URL('chrome-extension://dramatis-id/').origin };
const fromPanel = { id: own.id, url: 'chrome-extension://dramatis-id/sidepanel.html' } as Runtime.MessageSender;
const fromContent = { id: own.id, url: 'https://news.example/article', tab: { id: 7 }, frameId: 0 } as Runtime.MessageSender;

/** A handler table that records each call and answers `{ handled: type }`. */
function recording<Api extends object>(schemas: ParamsTable<Api>): { handlers: Handlers<Api>; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    Object.keys(schemas).map((type) => [type, async () => {
      calls.push(type);
      return { handled: type };
    }]),
  ) as unknown as Handlers<Api>;
  return { handlers, calls };
}

function background() {
  const schemas: ParamsTable<BackgroundApi> = { ...PAGE_PARAMS, ...SYNC_PARAMS, ...PANEL_PARAMS };
  const access: AccessTable<BackgroundApi> = { ...PAGE_ACCESS, ...SYNC_ACCESS, ...PANEL_ACCESS };
  const { handlers, calls } = recording(schemas);
  return { dispatch: createDispatcher(handlers, access, schemas, own, paramsProblem), calls };
}

/** The dispatcher's answer: what it resolved with, or the message it rejected with. */
async function answer(reply: Promise<unknown> | undefined): Promise<{ ok?: unknown; error?: string }> {
  assert.ok(reply, 'the dispatcher answers a request of its API');
  return reply.then((ok) => ({ ok }), (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
}

test('a malformed request is refused in words naming the request and the problem, and no handler runs', async () => {
  // Arrange
  const { dispatch, calls } = background();
  const malformed: Array<[keyof BackgroundApi, unknown, RegExp]> = [
    ['scanText', { text: 5, licensed: [] }, /^scanText: malformed parameters: \/text: Expected string/],
    ['scanText', { text: 'x'.repeat(4_000_001), licensed: [] }, /^scanText: malformed parameters: \/text: .*length less or equal to 4000000/],
    ['getEntities', { ids: 'hezbollah' }, /^getEntities: malformed parameters: \/ids: Expected array/],
    ['getPageMentions', { tabId: '7' }, /^getPageMentions: malformed parameters: \/tabId: Expected integer/],
    ['openSidePanel', { entityId: '<img src=x>' }, /^openSidePanel: malformed parameters: \/entityId: .*match/],
    ['importChunk', { importId: '../x', index: 0, text: '' }, /^importChunk: malformed parameters: \/importId/],
    ['importChunk', { importId: 'a', index: -1, text: '' }, /^importChunk: malformed parameters: \/index: .*greater or equal to 0/],
    ['importChunk', { importId: 'a', index: MAX_IMPORT_CHUNKS, text: '' }, /^importChunk: malformed parameters: \/index: .*less or equal/],
    ['importChunk', { importId: 'a', index: 0, text: 'x'.repeat(IMPORT_CHUNK_CHARS + 1) }, /^importChunk: malformed parameters: \/text/],
    ['importCommit', { importId: 'a', count: 0 }, /^importCommit: malformed parameters: \/count/],
    ['importCommit', { importId: 'a', count: 1, fileName: 42 }, /^importCommit: malformed parameters: \/fileName: Expected string/],
    ['subscribeFeed', { feedUrl: 'https://feed.example/', publicKey: 7 }, /^subscribeFeed: malformed parameters: .*union/i],
    ['openReader', { articleId: '' }, /^openReader: malformed parameters: \/articleId/],
    ['searchEntities', { query: 'Assad' }, /^searchEntities: malformed parameters: \/limit: Expected required property/],
    ['browseEntities', { lang: 'fr', limit: 10 }, /^browseEntities: malformed parameters: \/lang/],
    ['getEntityView', { entityId: 'x'.repeat(81) }, /^getEntityView: malformed parameters: \/entityId/],
  ];

  for (const [type, params, expected] of malformed) {
    // Act
    const reply = await answer(dispatch({ type, params }, fromPanel));
    // Assert
    assert.equal(reply.ok, undefined, `${type} answered ${JSON.stringify(params).slice(0, 80)}`);
    assert.match(reply.error ?? '', expected);
  }
  assert.deepEqual(calls, [], 'no handler ran');
});

test('a content script asking what it may not gets "not allowed", whatever its params (access is checked first)', async () => {
  const { dispatch, calls } = background();

  const reply = await answer(dispatch({ type: 'importChunk', params: { importId: 7 } }, fromContent));

  assert.equal(reply.error, "importChunk: not allowed from a page's content script");
  assert.deepEqual(calls, []);
});

test('the content script refuses a malformed request of the background, and answers a well-formed one', async () => {
  const { handlers, calls } = recording<ContentApi>(CONTENT_PARAMS);
  const dispatch = createDispatcher(handlers, CONTENT_ACCESS, CONTENT_PARAMS, own);
  const background = { id: own.id, url: 'chrome-extension://dramatis-id/background.js' } as Runtime.MessageSender;

  const bad = await answer(dispatch({ type: 'setPageActive', params: { active: 'yes' } }, background));
  const missing = await answer(dispatch({ type: 'revealMention', params: {} }, background));
  const good = await answer(dispatch({ type: 'setPageActive', params: { active: false } }, background));

  // The content script's listener names the request only (no TypeBox error texts in every page).
  assert.equal(bad.error, 'setPageActive: malformed parameters');
  assert.equal(missing.error, 'revealMention: malformed parameters');
  assert.deepEqual(good.ok, { handled: 'setPageActive' });
  assert.deepEqual(calls, ['setPageActive']);
});

test('every shape of params the extension sends today is let through to its handler', async () => {
  // Arrange: the params of each call site (src/**: sendToBackground, sendToTab; tests/browser's senders).
  const { dispatch, calls } = background();
  const sent: Array<[keyof BackgroundApi, unknown, Runtime.MessageSender]> = [
    ['scanText', { text: 'Esmail Qaani met Bashar al-Assad.', licensed: [] }, fromContent],
    ['scanText', { text: 'وحسن نصر الله', licensed: ['hassan-nasrallah'] }, fromContent],
    ['getEntities', { ids: ['hezbollah', 'esmail-qaani'] }, fromContent],
    ['getEntities', { ids: [] }, fromPanel],
    ['openSidePanel', { entityId: 'hezbollah' }, fromContent],
    ['openSidePanel', {}, fromContent],
    ['openReader', { articleId: 'a-4f7f3227', quote: 'a quote', entityId: 'esmail-qaani' }, fromContent],
    ['openReader', { articleId: 'a-4f7f3227', quote: 'a quote' }, fromContent],
    // Firefox clones messages structurally: an optional param left undefined arrives as a property.
    ['openReader', { articleId: 'a-4f7f3227', quote: undefined, entityId: undefined }, fromPanel],
    ['openSidePanel', { entityId: undefined }, fromContent],
    ['subscribeFeed', { feedUrl: 'http://127.0.0.1/feed/index.json', publicKey: 'k', feedFile: undefined }, fromPanel],
    ['getPageMentions', { tabId: 7 }, fromPanel],
    ['getDatasetInfo', {}, fromPanel],
    ['getSyncStatus', {}, fromPanel],
    ['checkNow', {}, fromPanel],
    ['restorePublished', {}, fromPanel],
    ['exportDataset', {}, fromPanel],
    ['removeFeed', {}, fromPanel],
    ['importChunk', { importId: 'import-1732960000000-ab12', index: 0, text: '{"formatVersion":1}' }, fromPanel],
    ['importChunk', { importId: 'abandoned-4', index: MAX_IMPORT_CHUNKS - 1, text: '' }, fromPanel],
    ['importCommit', { importId: 'late', count: 1 }, fromPanel],
    ['importCommit', { importId: 'late', count: 2, fileName: 'dramatis pack (1).json' }, fromPanel],
    ['subscribeFeed', { feedUrl: 'http://127.0.0.1:8080/feed/index.json', publicKey: 'MCowBQYDK2VwAyEA' }, fromPanel],
    ['subscribeFeed', { feedFile: '{"feedUrl":"http://127.0.0.1/"}' }, fromPanel],
    // A key or file too long is the handler's to refuse, with a SyncError the Updates tab shows.
    ['subscribeFeed', { feedUrl: 'x'.repeat(5000), publicKey: 'k' }, fromPanel],
    ['searchEntities', { query: '', limit: 0 }, fromPanel],
    ['searchEntities', { query: 'Assad', limit: 5 }, fromPanel],
    ['browseEntities', { lang: 'ar', limit: 50 }, fromPanel],
    ['getEntityView', { entityId: 'hezbollah' }, fromPanel],
    ['getArticle', { articleId: 'a-4f7f3227' }, fromPanel],
    ['listArticles', {}, fromPanel],
  ];

  for (const [type, params, sender] of sent) {
    // Act
    const reply = await answer(dispatch({ type, params }, sender));
    // Assert
    assert.deepEqual(reply, { ok: { handled: type } }, `${type} ${JSON.stringify(params).slice(0, 80)}`);
  }
  assert.equal(calls.length, sent.length);
});

test('a message that is not a request of the API is left for another listener', () => {
  const { dispatch, calls } = background();

  for (const msg of [null, 'scanText', { type: 'pageMentionsChanged' }, { type: 'scanText' }, { type: 'scanText', params: [] }]) {
    assert.equal(dispatch(msg, fromContent), undefined, JSON.stringify(msg));
  }
  assert.deepEqual(calls, []);
});

test('paramsProblem names the request and where the first problem is, and is silent on good params', () => {
  assert.equal(paramsProblem(PANEL_PARAMS.getArticle, 'getArticle', { articleId: 'a1' }), undefined);
  assert.equal(
    paramsProblem(PANEL_PARAMS.getArticle, 'getArticle', { articleId: 3 }),
    'getArticle: malformed parameters: /articleId: Expected string',
  );
});

test('an import file may be as large as a feed\'s pack, and no larger', () => {
  assert.equal(MAX_IMPORT_BYTES, MAX_FILE_BYTES);
});
