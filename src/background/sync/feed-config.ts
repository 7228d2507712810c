/**
 * Which feed the extension checks, and which keys must sign it:
 * 1. the feed the reader subscribed to (feed-subscription.ts), signed by the key(s) the reader gave;
 * 2. else the feed fixed in the build (BUILT_IN_FEED_URL), signed by a key of data/feed/trusted-keys.json;
 * 3. else none: the bundled dataset stays as it is, and no check is made or scheduled.
 * The keys fixed in the build stay trusted for the build's own feed whatever the reader subscribes to.
 *
 * Only a test build (see build-flags.ts) also trusts its run's throwaway key and reads
 * `storage.local.syncTestConfig` ({ feedUrl, timeoutMs }): its built-in feed URL, so tests can use a feed on
 * 127.0.0.1 with a short timeout; in a normal build that key is never read.
 */
import type { TrustedKey } from '../../core/feed/feed-signature.ts';
import productionKeys from '../../../data/feed/trusted-keys.json';
import { browser } from '../../shared/browser.ts';
import { SYNC_TEST_CONFIG_KEY } from '../../shared/storage-keys.ts';
import type { FeedInfo } from '../../shared/api/sync-api.ts';
import { TEST_BUILD_KEYS } from './build-flags.ts';
import { loadSubscription } from './feed-subscription.ts';

/**
 * The feed a build checks before the reader subscribes to one. None: no publisher serves a Dramatis feed yet,
 * and a placeholder that never answers would only make every reader's checks fail. A publisher who ships a
 * build with its own feed sets it here (its key goes into data/feed/trusted-keys.json).
 */
export const BUILT_IN_FEED_URL: string | null = null;
/** A download with no bytes for this long is abandoned. */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

export interface FeedConfig {
  feedUrl: string;
  stallTimeoutMs: number;
  trustedKeys: readonly TrustedKey[];
  source: FeedInfo['source'];
  publisher?: string;
}

/** The keys fixed in this build. */
export function buildKeys(): readonly TrustedKey[] {
  const keys = (productionKeys as { keys: TrustedKey[] }).keys;
  return TEST_BUILD_KEYS ? [...keys, ...TEST_BUILD_KEYS] : keys;
}

async function testConfig(): Promise<{ feedUrl?: string; timeoutMs?: number }> {
  if (!TEST_BUILD_KEYS) return {};
  const raw = (await browser.storage.local.get(SYNC_TEST_CONFIG_KEY))[SYNC_TEST_CONFIG_KEY] as { feedUrl?: unknown; timeoutMs?: unknown } | undefined;
  return {
    ...(typeof raw?.feedUrl === 'string' ? { feedUrl: raw.feedUrl } : {}),
    ...(typeof raw?.timeoutMs === 'number' ? { timeoutMs: raw.timeoutMs } : {}),
  };
}

/** The feed to check now, or null when none is set. */
export async function feedConfig(): Promise<FeedConfig | null> {
  const [subscription, test] = await Promise.all([loadSubscription(), testConfig()]);
  const stallTimeoutMs = test.timeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  if (subscription) {
    return {
      feedUrl: subscription.feedUrl, stallTimeoutMs, trustedKeys: subscription.keys, source: 'subscription',
      ...(subscription.publisher ? { publisher: subscription.publisher } : {}),
    };
  }
  const builtIn = test.feedUrl ?? BUILT_IN_FEED_URL;
  return builtIn ? { feedUrl: builtIn, stallTimeoutMs, trustedKeys: buildKeys(), source: 'built-in' } : null;
}

/** What the Updates tab shows of a feed (public keys are not repeated: their ids name them). */
export function feedInfo(config: FeedConfig | null): FeedInfo | null {
  if (!config) return null;
  return {
    url: config.feedUrl,
    source: config.source,
    keys: config.trustedKeys.map((k) => ({ keyId: k.keyId, ...(k.note ? { note: k.note } : {}) })),
    ...(config.publisher ? { publisher: config.publisher } : {}),
  };
}
