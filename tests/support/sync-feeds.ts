/**
 * The feeds the sync tests serve, each in its own folder of one real HTTP server on 127.0.0.1, published with
 * the real tooling (scripts/feed.ts) and signed with the test run's key; faults the tooling would never make
 * (tampered index, foreign key, invalid data) are made by hand or injected by the server.
 */
import type { KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFeed } from '../../scripts/feed.ts';
import { startFeedServer, type FeedServer } from '../../scripts/feed-serve.ts';
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import type { SignedFeedIndex } from '../../src/core/feed/feed-index.ts';
import { nextVersion, person, syntheticEntities } from './sync-packs.ts';

export const EVIL = {
  id: 'zz-evil',
  name: '<img src=x onerror="window.__dramatisPwned=1">Evil',
  description: '<script>window.__dramatisPwned=1</script> javascript:alert(1)',
  alias: 'Zedekiah Evilname',
};

export type Fault = ((path: string, res: ServerResponse) => boolean) | undefined;

export interface Feeds {
  root: string;
  server: FeedServer;
  url(folder: string): string;
  packs: { v1: DatasetPack; v2: DatasetPack; v3: DatasetPack; v4: DatasetPack; big: DatasetPack };
  /** The fault the server injects now (tests set and clear it). */
  fault: Fault;
  close(): Promise<void>;
}

export async function makeFeeds(v1: DatasetPack, key: KeyObject, stranger: KeyObject, bigCount: number): Promise<Feeds> {
  const root = mkdtempSync(join(tmpdir(), 'dramatis-feeds-'));
  const publish = (folder: string, ...packs: DatasetPack[]): SignedFeedIndex => {
    const dir = join(root, folder);
    mkdirSync(dir, { recursive: true });
    let index: SignedFeedIndex | undefined;
    for (const p of packs) index = buildFeed(dir, p, [key]);
    return index!;
  };
  const v2 = nextVersion(v1, (p) => {
    p.entities.push(person(v1, 'zz-new-person', 'Quillon Newperson'));
    p.entities[0]!.description.en += ' (revised)';
  });
  const v3 = nextVersion(v2, (p) => {
    p.entities.push(person(v1, 'zz-patched-person', 'Ptolemy Patchman'));
    p.entities[1]!.description.en += ' (patched)';
  });
  const v4 = nextVersion(v3, (p) => {
    p.entities.push(person(v1, EVIL.id, EVIL.name, { aliases: [{ text: EVIL.alias, lang: 'en', full: true }], description: { en: EVIL.description, ar: EVIL.description } }));
  });
  const big = nextVersion(v4, (p) => void (p.entities = p.entities.concat(syntheticEntities(v1, bigCount))));

  publish('same-v1', v1);
  publish('full-v2', v2);
  publish('patch-v3', v2, v3);
  publish('html-v4', v3, v4);
  publish('big', big);
  publish('unknown-key', v2);
  buildFeed(join(root, 'unknown-key'), nextVersion(v2, () => undefined, 3), [stranger]);
  // Signed, then changed: the signature no longer covers the index.
  const tampered = publish('bad-signature', v2);
  tampered.index.published = '2030-01-01T00:00:00Z';
  writeFileSync(join(root, 'bad-signature', 'index.json'), JSON.stringify(tampered));
  publish('schema', nextVersion(v1, (p) => ((p.entities[0] as { type: string }).type = 'robot')));
  // Properly signed, a month ago, for two weeks: expired (a host replaying an old index to hold updates back).
  mkdirSync(join(root, 'expired'), { recursive: true });
  buildFeed(join(root, 'expired'), v2, [key], { now: Date.now() - 30 * 86_400_000 });
  // A name with a right-to-left override, which would reverse the text after it wherever it is shown.
  publish('bidi', nextVersion(v1, (p) => p.entities.push(person(v1, 'zz-bidi', 'Reversed\u202eName')), 50));
  publish('js-link', nextVersion(v1, (p) => (p.articles[0]!.url = 'javascript:alert(1)')));
  publish('dangling', nextVersion(v1, (p) => p.entities.push(person(v1, 'zz-dangling', 'Dorian Dangler', {
    affiliations: [{ relation: { en: 'member of', ar: 'عضو في' }, targetId: 'no-such-entity', evidence: [{ articleId: v1.articles[0]!.id, quote: v1.articles[0]!.text.slice(0, 40) }] }],
  }))));
  // A patch whose new entity points at nothing (the tooling diffs whatever it is given).
  publish('patch-dangling', v3, nextVersion(v3, (p) => p.entities.push(person(v1, 'zz-dangling', 'Dorian Dangler', {
    affiliations: [{ relation: { en: 'member of', ar: 'عضو في' }, targetId: 'no-such-entity', evidence: [{ articleId: v1.articles[0]!.id, quote: v1.articles[0]!.text.slice(0, 40) }] }],
  }))));

  const feeds: Feeds = {
    root,
    server: undefined as unknown as FeedServer,
    url: (folder) => `${feeds.server.origin}/${folder}/index.json`,
    packs: { v1, v2, v3, v4, big },
    fault: undefined,
    async close() {
      await feeds.server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  feeds.server = await startFeedServer(root, { intercept: (path, _req, res) => feeds.fault?.(path, res) ?? false });
  return feeds;
}

/** The bytes of a published file, for faults that serve them altered. */
export function fileOf(feeds: Feeds, folder: string, rel: string): Buffer {
  return readFileSync(join(feeds.root, folder, rel));
}
