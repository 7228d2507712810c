/**
 * Scanning: once the page is idle, its text is read in chunks (text-reader.ts), each chunk is sent to the
 * background, which finds the names (the matcher lives there, not in every tab: a tab that matched by itself ran
 * the matcher cold on every page, which measured slower than the round trip; see the closing note of issue 14),
 * and the mentions found are turned into static ranges (page-mentions.ts says why not live ones), a slice at a
 * time. One PageScanner per document context: an SPA route change starts a new one (`reset`).
 *
 * Up to IN_FLIGHT chunks are with the background at once: the next chunk is read while earlier ones are being
 * scanned, and answers are mapped in order as they arrive (the wall time of a long page is round trips, not work).
 *
 * Licensing ("one sense per discourse") spans the whole document: each chunk is sent with the entities
 * licensed by the answers mapped so far; after the pass, exactly the chunks that were sent without a licence (of
 * an entity with ambiguous aliases) the document turned out to have are scanned again
 * (src/core/matching/document-licensing.ts). Rescans are idempotent: a mention found again at the same place replaces
 * the old one.
 */
import { DocumentLicensing } from '../../core/matching/document-licensing.ts';
import type { ScanAnswer } from '../../core/matching/scan-answer.ts';
import { sendToBackground } from '../../shared/api/send.ts';
import type { EntityDirectory } from '../entity-directory.ts';
import { inSlices, Superseded, timedTask, whenIdle } from './work-slices.ts';
import type { FoundMention, PageMentionIndex } from './page-mentions.ts';
import { BLOCK_SEPARATOR, TextReader, rangeOf, type ReaderHooks, type TextChunk } from './text-reader.ts';
import { now, recordChunk, recordScan } from './scan-timing.ts';
import { elementOf, isHidden, isInSkippedRegion } from './text-skip.ts';

export interface ScanHooks extends ReaderHooks {
  /** A name found in text that isn't shown, in this element (the caller looks again when the page may reveal it). */
  hidden?(el: Element): void;
}

/** Where found and dropped mentions go (to be painted, or unpainted). */
export interface ScanSink {
  added(m: FoundMention): void;
  removed(m: FoundMention): void;
}

/** How many mentions are turned into ranges between two looks at the clock. */
const CLOCK_EVERY = 16;
/**
 * Found names are painted together: at the end of a scan, and meanwhile at most this often. Every change to the
 * registered highlights costs the browser a style and paint pass over them, about 25 ms a frame on a 1 MB page:
 * painting each chunk's names as they came made such a scan mostly frames.
 */
const PAINT_EVERY_MS = 250;
/** Chunk indexes of page-change rescans come after every chunk of the full scan. */
const REGION_INDEX = 1 << 30;
/** Chunks sent to the background and not yet mapped, at most: overlaps reading with the round trips. */
const IN_FLIGHT = 4;
/** Distinct surface texts shared between mentions, at most (past it, each mention has its own copy). */
const MAX_SURFACES = 20_000;

interface PendingChunk {
  chunk: TextChunk;
  index: number;
  started: number;
  answer: Promise<ScanAnswer>;
}

const hasWords = (text: string): boolean => /[^\s\u0000]/.test(text);

export class PageScanner {
  private readonly licensing = new DocumentLicensing();
  /** Found, not yet painted (see PAINT_EVERY_MS). */
  private readonly unpainted = new Set<FoundMention>();
  /**
   * Painted mentions that a rescan found again and replaced: unpainted with the batch that paints their
   * replacements, so a name found again never blinks off while the rest of the page is read.
   */
  private readonly replaced = new Set<FoundMention>();
  private paintedAt = 0;
  /** One copy of each surface text (a page names the same entities over and over). */
  private readonly surfaces = new Map<string, string>();

  constructor(
    private readonly index: PageMentionIndex,
    private readonly directory: EntityDirectory,
    private readonly sink: ScanSink,
    private readonly hooks: ScanHooks,
  ) {}

  /** A new document context (an SPA route change, a new dataset): forget what licensed what. */
  reset(): void {
    this.licensing.clear();
    this.unpainted.clear();
    this.replaced.clear();
    this.surfaces.clear();
  }

  /** Scans a whole document: every chunk, then the licensing second pass where it is needed. */
  async scanDocument(root: Node, signal: AbortSignal): Promise<void> {
    await whenIdle(signal);
    const start = now();
    await this.scanChunks(root, Number.POSITIVE_INFINITY, 0, signal);
    // An id licensed without a brief was licensed by a word that names nothing (context.licensedByWords): its
    // licence is there to count the entity's ambiguous aliases, so it matters.
    const again = this.licensing.rescanChunks((id) => this.directory.brief(id)?.ambiguous ?? true, REGION_INDEX);
    if (again.length > 0) await this.scanChunks(root, again[again.length - 1]! + 1, 0, signal, new Set(again));
    recordScan(start, this.index.size);
  }

  /**
   * Scans the whole document anew with a new dataset, over what the old one found: every name stays painted
   * until the rescan has looked at its text, and only then goes if it was not found again (or is replaced by what
   * the new dataset says is there). Licences start over: the new dataset decides what licenses what.
   */
  async refreshDocument(root: Node, signal: AbortSignal): Promise<void> {
    const before = this.index.snapshot();
    this.licensing.clear();
    this.surfaces.clear();
    await this.scanDocument(root, signal);
    for (const m of before) if (this.index.remove(m)) this.drop(m);
  }

  /** Scans the whole document again with every licence found so far (after a page change licensed more). */
  async rescanDocument(root: Node, signal: AbortSignal): Promise<void> {
    await whenIdle(signal);
    await this.scanChunks(root, Number.POSITIVE_INFINITY, 0, signal);
  }

  /**
   * Rescans regions the page changed: their old mentions go, what they hold now is found. Resolves true when
   * the new text licensed an entity with ambiguous aliases, whose earlier uses elsewhere on the page now count:
   * the caller then rescans the document.
   */
  async scanRegions(roots: readonly Node[], signal: AbortSignal): Promise<boolean> {
    await whenIdle(signal);
    let licensedMore = false;
    // Names whose text left the page go at once; the others stay painted until the rescan of their region has
    // its answer, then go if it did not find them again (no flicker while the background works).
    for (const m of this.index.removeDisconnected()) this.drop(m);
    for (const root of roots) {
      if (signal.aborted) throw new Superseded();
      if (!root.isConnected) continue;
      const before = this.index.within(root);
      if (!isInSkippedRegion(root)) {
        const fresh = await this.scanChunks(root, Number.POSITIVE_INFINITY, REGION_INDEX, signal);
        licensedMore ||= fresh.some((id) => this.directory.brief(id)?.ambiguous ?? true);
      }
      for (const m of before) if (this.index.remove(m)) this.drop(m);
    }
    return licensedMore;
  }

  /**
   * Reads and scans up to `limit` chunks of `root` (only those in `only` when given: the others are read and
   * skipped, so indexes stay those of the first pass); resolves to the ids newly licensed.
   */
  private async scanChunks(
    root: Node,
    limit: number,
    indexBase: number,
    signal: AbortSignal,
    only?: ReadonlySet<number>,
  ): Promise<string[]> {
    const reader = new TextReader(root, this.hooks);
    if (this.unpainted.size === 0) this.paintedAt = now();
    const fresh: string[] = [];
    const queue: PendingChunk[] = [];
    const settleOldest = async (): Promise<void> => {
      const pending = queue.shift()!;
      fresh.push(...(await this.mapAnswer(pending, signal)));
      recordChunk(pending.started);
      if (now() - this.paintedAt >= PAINT_EVERY_MS) await this.paintFound(signal);
    };
    for (let i = 0; !reader.done && i < limit; i++) {
      const started = now();
      const read: { chunk: TextChunk | null } = { chunk: null };
      await inSlices((timeUp) => {
        read.chunk = reader.read(timeUp);
        return read.chunk !== null || reader.done;
      }, signal, 'read');
      const chunk = read.chunk;
      if (!chunk || !hasWords(chunk.text)) continue;
      const index = indexBase + i;
      if (only && !only.has(index)) continue;
      queue.push({ chunk, index, started, answer: this.request(chunk, index) });
      while (queue.length >= IN_FLIGHT) await settleOldest();
    }
    while (queue.length > 0) await settleOldest();
    if (this.unpainted.size > 0 || this.replaced.size > 0) await this.paintFound(signal);
    return fresh;
  }

  /** Sends a chunk with the licences known now; the answer brings the briefs of what it found. */
  private request(chunk: TextChunk, index: number): Promise<ScanAnswer> {
    // Sending serialises the text on this thread (about 10 ms per MB in Chromium): part of our main-thread time.
    const answer = timedTask('send', () => sendToBackground('scanText', { text: chunk.text, licensed: this.licensing.send(index) }));
    // Awaited in order by scanChunks; a scan superseded before reaching it must not leave an unhandled rejection.
    answer.catch(() => undefined);
    return answer;
  }

  private async mapAnswer({ chunk, index, answer }: PendingChunk, signal: AbortSignal): Promise<string[]> {
    const { starts, ends, entities, entityIds, briefs, licensed } = await answer;
    if (signal.aborted) throw new Superseded();
    this.directory.learn(entityIds, briefs);
    const fresh = this.licensing.record(index, licensed);
    let k = 0;
    await inSlices((timeUp) => {
      for (; k < starts.length; k++) {
        if (k % CLOCK_EVERY === 0 && k > 0 && timeUp()) return false;
        this.addMention(chunk, starts[k]!, ends[k]!, entityIds[entities[k]!]!);
      }
      return true;
    }, signal, 'map');
    return fresh;
  }

  /**
   * Is this text shown? Asked per name found, not per element read (far fewer), once per element and chunk. A
   * name in hidden text is left out, and its element remembered, for a second look when the page may show it.
   */
  private shown(chunk: TextChunk, text: Text): boolean {
    const el = elementOf(text);
    if (!el) return false;
    const known = (chunk.shown ??= new Map()).get(el);
    if (known !== undefined) return known;
    const shown = !isHidden(el);
    chunk.shown.set(el, shown);
    if (!shown) this.hooks.hidden?.(el);
    return shown;
  }

  /**
   * Paints what was found and not painted yet, in slices (a page can have thousands of names). A mention dropped
   * meanwhile has left the index and is skipped; an abort means a fresh document context, which starts over.
   */
  private async paintFound(signal: AbortSignal): Promise<void> {
    this.paintedAt = now();
    const batch = [...this.unpainted];
    this.unpainted.clear();
    let k = 0;
    await inSlices((timeUp) => {
      for (; k < batch.length; k++) {
        if (k % CLOCK_EVERY === 0 && k > 0 && timeUp()) return false;
        const m = batch[k]!;
        if (this.index.has(m)) this.sink.added(m);
      }
      return true;
    }, signal, 'paint');
    // Their replacements are painted now (a replaced mention left the index when it was replaced).
    const gone = [...this.replaced];
    this.replaced.clear();
    for (const m of gone) this.sink.removed(m);
  }

  /** A mention that is no longer on the page: unpainted, or never painted. */
  private drop(m: FoundMention): void {
    if (!this.unpainted.delete(m)) this.sink.removed(m);
  }

  /**
   * The one copy of a surface text: a copy, not the slice, which would keep the whole chunk's text alive for as
   * long as the mention; shared by every mention that reads the same, so 40,000 names of a few entities cost a
   * few strings.
   */
  private surfaceOf(slice: string): string {
    const known = this.surfaces.get(slice);
    if (known !== undefined) return known;
    const copy = ` ${slice}`.slice(1);
    if (this.surfaces.size < MAX_SURFACES) this.surfaces.set(copy, copy);
    return copy;
  }

  private addMention(chunk: TextChunk, start: number, end: number, entityId: string): void {
    // In the overlap that follows a cut inside a text node: the previous chunk found this one.
    if (end <= chunk.keepFrom) return;
    const surface = this.surfaceOf(chunk.text.slice(start, end));
    // A name never spans a block boundary; an answer that does is not ours to trust.
    if (surface.includes(BLOCK_SEPARATOR)) return;
    const range = rangeOf(chunk, start, end);
    if (!range || !this.shown(chunk, range.startContainer as Text)) return;
    const found: FoundMention = { entityId, range, surface };
    const replaced = this.index.add(found);
    if (replaced && !this.unpainted.delete(replaced)) this.replaced.add(replaced);
    this.unpainted.add(found);
  }
}
