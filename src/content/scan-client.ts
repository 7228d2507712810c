/**
 * Where a chunk of page text is matched: in this tab, with the matcher the background publishes when the
 * dataset is small (src/shared/tab-matcher.ts), or by the background. The published matcher is read once per
 * dataset (storage.local, a local read, no worker to wake) and only used when it belongs to the dataset the stamp
 * announces; anything else (none published, another dataset's, a form this build can't load) asks the
 * background. Both paths run the same matcher code and src/core/scan-answer.ts.
 */
import { fromWire } from '../core/matcher-wire.ts';
import { loadMatcher, type Matcher, type SerializedMatcher } from '../core/name-matcher.ts';
import type { SerializedOverlay } from '../core/matcher-overlay.ts';
import { answerOf, findInChunk, type ScanAnswer } from '../core/scan-answer.ts';
import { browser } from '../shared/browser.ts';
import { DATASET_STAMP_KEY, TAB_MATCHER_KEY } from '../shared/storage-keys.ts';
import { sendToBackground } from '../shared/send.ts';
import type { TabMatcherRecord } from '../shared/tab-matcher.ts';
import { CHUNK_CHARS } from './page-text.ts';
import { timedTask } from './work-slices.ts';

interface TabMatcher {
  matcher: Matcher;
  briefs: TabMatcherRecord['briefs'];
}

/**
 * Text matched in one task when the tab matches by itself: a chunk is then one uninterrupted slice of the page's
 * main thread, so its size follows how long the last one took (MATCH_SLICE_MS). The first chunks of a page run
 * cold (a new content-script world each time, its code not yet optimised): 32 K characters of dense names took
 * 30 ms cold and 2 ms warm in Node; 256 K, the size worth a round trip, 35–110 ms.
 */
const TAB_CHUNK_MIN = 2_048;
const TAB_CHUNK_MAX = 32_768;
const TAB_CHUNK_FIRST = 4_096;
/** A chunk matched in the tab aims at this much of the main thread. */
const MATCH_SLICE_MS = 8;

export class ScanClient {
  /** The published record, asked for as soon as the page session starts: the read overlaps the wait for idle. */
  private record: Promise<TabMatcherRecord | null> = readRecord();
  /** The matcher loaded from it, on the first scan (loading is main-thread work, counted in the scan). */
  private local: Promise<TabMatcher | null> | undefined;

  /** A new dataset was announced: the next scan reads the published matcher again. */
  reset(): void {
    this.record = readRecord();
    this.local = undefined;
  }

  /** Whether the dataset is matched in this tab. */
  async inTab(): Promise<boolean> {
    return (await this.matcher()) !== null;
  }

  private matcher(): Promise<TabMatcher | null> {
    return (this.local ??= this.record.then(loadTabMatcher));
  }

  /** Size of the next chunk matched in the tab; adapts to how long matching takes here. */
  private tabChunk = TAB_CHUNK_FIRST;

  /** How much text to match at once: small in the tab (one task each), large for a round trip. */
  async chunkChars(): Promise<number> {
    return (await this.inTab()) ? this.tabChunk : CHUNK_CHARS;
  }

  /** Finds the names in `text`, given the entities licensed in the document so far. */
  async scan(text: string, licensed: string[]): Promise<ScanAnswer> {
    const local = await this.matcher();
    if (!local) {
      // Sending serialises the text on this thread (about 10 ms per MB in Chromium): part of our main-thread time.
      return timedTask('send', () => sendToBackground('scanText', { text, licensed }));
    }
    const start = performance.now();
    const answer = timedTask('match', () => {
      const found = findInChunk(local.matcher, text, licensed);
      return answerOf(local.matcher, found, found.entityIds.map((id) => local.briefs[id] ?? null));
    });
    const ms = performance.now() - start;
    if (ms > MATCH_SLICE_MS) this.tabChunk = Math.max(TAB_CHUNK_MIN, this.tabChunk >> 1);
    else if (ms < MATCH_SLICE_MS / 2 && text.length >= this.tabChunk >> 1) this.tabChunk = Math.min(TAB_CHUNK_MAX, this.tabChunk << 1);
    return answer;
  }
}

/** The published record, if it belongs to the dataset the stamp announces. */
async function readRecord(): Promise<TabMatcherRecord | null> {
  try {
    const got = await browser.storage.local.get([DATASET_STAMP_KEY, TAB_MATCHER_KEY]);
    const stamp = got[DATASET_STAMP_KEY] as { version?: unknown; at?: unknown } | undefined;
    const record = got[TAB_MATCHER_KEY] as TabMatcherRecord | undefined;
    return stamp && record && record.version === stamp.version && record.stampAt === stamp.at ? record : null;
  } catch (err) {
    console.debug('Dramatis: matching in the background', err);
    return null;
  }
}

function loadTabMatcher(record: TabMatcherRecord | null): TabMatcher | null {
  if (!record) return null;
  try {
    return timedTask('load', () => ({
      matcher: loadMatcher(fromWire(record.matcher) as SerializedMatcher, record.overlay ? (fromWire(record.overlay) as SerializedOverlay) : null),
      briefs: record.briefs,
    }));
  } catch (err) {
    // A form this build can't load (another build's fold): the background matches.
    console.debug('Dramatis: matching in the background', err);
    return null;
  }
}
