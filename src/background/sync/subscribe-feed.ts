/**
 * Subscribing to a feed and removing it. A subscription is refused unless the feed's index, fetched now, is a
 * valid index of the installed dataset signed by the key the reader gave (or one of the feed file's keys): a
 * mistyped key, a wrong URL or a feed of another dataset is said at once, in words, and nothing is stored.
 * Once stored, the feed is checked at once (installing what it offers) and then on the usual schedule.
 * Removing it stops the checks and keeps the data it brought.
 */
import { checkFeedIndex, MAX_INDEX_BYTES } from '../../core/feed/feed-index.ts';
import { checkFeedUrl, parseFeedDescriptor, parsePublicKey } from '../../core/feed/feed-descriptor.ts';
import { verifyFeedIndex, type TrustedKey } from '../../core/feed/feed-signature.ts';
import type { SubscribeOutcome, SubscribeRequest } from '../../shared/api/sync-api.ts';
import { ensureDataset } from '../store/bundled-pack.ts';
import { download, parseJson } from './download.ts';
import { DEFAULT_STALL_TIMEOUT_MS, feedConfig, feedInfo } from './feed-config.ts';
import { clearSubscription, saveSubscription, type FeedSubscription } from './feed-subscription.ts';
import { runCheck } from './run-check.ts';
import { syncAlarms } from './scheduler-alarms.ts';
import { FeedError, toSyncError } from './sync-error.ts';
import { updateSyncState } from './sync-state.ts';

/**
 * A text of the request, if it is not longer than `max`: a longer one is treated as missing, so the reader is
 * told what is wrong with the feed (a SyncError the Updates tab shows) rather than the request refused.
 */
const text = (v: string | undefined, max: number): string | undefined => (v !== undefined && v.length <= max ? v : undefined);

/**
 * The subscription a request asks for, checked; throws a FeedError that says what is wrong with it. The request's
 * shape was checked with it (SYNC_PARAMS); what its texts say is checked here.
 */
async function readRequest(r: SubscribeRequest): Promise<Omit<FeedSubscription, 'since'>> {
  const file = text(r.feedFile, 64 * 1024);
  if (file !== undefined) {
    const parsed = await parseFeedDescriptor(crypto.subtle, file);
    if (!parsed.ok) throw new FeedError(parsed.problem, parsed.detail);
    const { feedUrl, keys, publisher } = parsed.value;
    return { feedUrl, keys, ...(publisher ? { publisher } : {}) };
  }
  const url = checkFeedUrl(text(r.feedUrl, 4096) ?? '');
  if (!url.ok) throw new FeedError(url.problem, url.detail);
  const key = await parsePublicKey(crypto.subtle, text(r.publicKey, 4096) ?? '');
  if (!key.ok) throw new FeedError(key.problem, key.detail);
  return { feedUrl: url.value, keys: [key.value] };
}

/** Fetches the feed's index and checks it is the installed dataset's, signed by one of `keys`; returns the key id. */
async function verifyFeed(feedUrl: string, keys: readonly TrustedKey[]): Promise<string> {
  const timeout = (await feedConfig().catch(() => null))?.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const fetched = await download(feedUrl, { stallTimeoutMs: timeout, maxBytes: MAX_INDEX_BYTES });
  const checked = checkFeedIndex(parseJson(fetched, 'badIndex', 'The feed index'));
  if (!checked.ok) throw new FeedError('badIndex', checked.problem);
  const signature = await verifyFeedIndex(crypto.subtle, checked.index, keys);
  if (!signature.ok) {
    const by = checked.index.signatures.map((s) => s.keyId).join(', ');
    const given = keys.map((k) => k.keyId).join(', ');
    throw new FeedError(signature.reason === 'unknown-key' ? 'wrongKey' : 'badSignature', `signed by ${by}; the key given is ${given}`);
  }
  const stored = await ensureDataset();
  if (checked.index.index.datasetId !== stored.datasetId) {
    throw new FeedError('otherDataset', `the feed publishes "${checked.index.index.datasetId}"; "${stored.datasetId}" is installed`);
  }
  return signature.keyId;
}

export async function subscribeFeed(request: SubscribeRequest): Promise<SubscribeOutcome> {
  try {
    const wanted = await readRequest(request);
    const signedBy = await verifyFeed(wanted.feedUrl, wanted.keys);
    await saveSubscription({ ...wanted, since: Date.now() });
    // A new feed starts afresh: no backoff, no expiry or error of the previous one.
    await updateSyncState(() => ({
      failures: 0, lastError: undefined, lastResult: undefined, nextCheckAt: undefined,
      indexExpires: undefined, feedUrl: undefined, signedBy,
    }));
    await syncAlarms(true);
    const check = await runCheck(true);
    return { ok: true, feed: feedInfo(await feedConfig())!, check };
  } catch (err) {
    return { ok: false, error: toSyncError(err) };
  }
}

export async function removeFeed(): Promise<{ removed: boolean }> {
  const removed = await clearSubscription();
  const remaining = await feedConfig();
  await updateSyncState(() => ({
    failures: 0, lastError: undefined, lastResult: undefined, nextCheckAt: undefined,
    indexExpires: undefined, feedUrl: undefined, signedBy: undefined,
  }));
  await syncAlarms(remaining !== null);
  return { removed };
}
