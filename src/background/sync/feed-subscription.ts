/**
 * The feed the reader subscribed to, in storage.local: its index URL, the publisher key(s) its index must be
 * signed by, and the publisher's name as the feed file gave it. Read through `loadSubscription`, which checks
 * it like any input (storage can be edited by hand); subscribing and removing are in subscribe-feed.ts.
 */
import type { TrustedKey } from '../../core/feed/feed-signature.ts';
import { browser } from '../../shared/browser.ts';
import { FEED_SUBSCRIPTION_KEY } from '../../shared/storage-keys.ts';

export interface FeedSubscription {
  feedUrl: string;
  keys: TrustedKey[];
  publisher?: string;
  /** When the reader subscribed. */
  since: number;
}

const isKey = (k: unknown): k is TrustedKey =>
  typeof k === 'object' && k !== null && typeof (k as TrustedKey).keyId === 'string' && typeof (k as TrustedKey).publicKey === 'string';

export async function loadSubscription(): Promise<FeedSubscription | null> {
  const raw = (await browser.storage.local.get(FEED_SUBSCRIPTION_KEY))[FEED_SUBSCRIPTION_KEY] as Partial<FeedSubscription> | undefined;
  if (typeof raw?.feedUrl !== 'string' || !Array.isArray(raw.keys) || raw.keys.length === 0 || !raw.keys.every(isKey)) return null;
  return {
    feedUrl: raw.feedUrl,
    keys: raw.keys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey, ...(typeof k.note === 'string' ? { note: k.note } : {}) })),
    ...(typeof raw.publisher === 'string' ? { publisher: raw.publisher } : {}),
    since: typeof raw.since === 'number' ? raw.since : 0,
  };
}

export async function saveSubscription(subscription: FeedSubscription): Promise<void> {
  await browser.storage.local.set({ [FEED_SUBSCRIPTION_KEY]: subscription });
}

export async function clearSubscription(): Promise<boolean> {
  const had = (await loadSubscription()) !== null;
  await browser.storage.local.remove(FEED_SUBSCRIPTION_KEY);
  return had;
}
