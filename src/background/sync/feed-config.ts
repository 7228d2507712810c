/**
 * Which feed the extension checks and which keys it trusts. Production: the default feed URL and the keys in
 * data/feed/trusted-keys.json, both fixed in the build. Only a test build (see build-flags.ts) also reads
 * `storage.local.syncTestConfig` ({ feedUrl, timeoutMs }), so tests can use a feed on 127.0.0.1 with a short
 * timeout; in a normal build that key is never read.
 */
import type { TrustedKey } from '../../core/feed-signature.ts';
import productionKeys from '../../../data/feed/trusted-keys.json';
import { browser } from '../../shared/browser.ts';
import { TEST_BUILD_KEYS } from './build-flags.ts';

/** The default feed. No server answers it yet: checks fail quietly until a publisher serves it (see data/feed/). */
export const DEFAULT_FEED_URL = 'https://feed.dramatis.example/dramatis-core/index.json';
/** A download with no bytes for this long is abandoned. */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;
export const TEST_CONFIG_KEY = 'syncTestConfig';

export interface FeedConfig {
  feedUrl: string;
  stallTimeoutMs: number;
  trustedKeys: readonly TrustedKey[];
}

export async function feedConfig(): Promise<FeedConfig> {
  const config: FeedConfig = {
    feedUrl: DEFAULT_FEED_URL,
    stallTimeoutMs: DEFAULT_STALL_TIMEOUT_MS,
    trustedKeys: (productionKeys as { keys: TrustedKey[] }).keys,
  };
  if (TEST_BUILD_KEYS) {
    config.trustedKeys = [...config.trustedKeys, ...TEST_BUILD_KEYS];
    const raw = (await browser.storage.local.get(TEST_CONFIG_KEY))[TEST_CONFIG_KEY] as { feedUrl?: unknown; timeoutMs?: unknown } | undefined;
    if (typeof raw?.feedUrl === 'string') config.feedUrl = raw.feedUrl;
    if (typeof raw?.timeoutMs === 'number') config.stallTimeoutMs = raw.timeoutMs;
  }
  return config;
}
