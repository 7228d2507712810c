/**
 * Reads a page's text in chunks, a little at a time: each call reads until its time slice is used up, and hands
 * back a chunk (the text plus the text nodes it came from, so a match found in the string maps back to DOM
 * positions) once about CHUNK_CHARS have been read. Nothing in the page is changed.
 *
 * This is the content script's hot path, so each node costs as little as it can: the elements skipped by an
 * attribute are found by one native query per root, each element is then tested by its localName, and no style
 * is read here (whether a found name's text is shown is asked per name, in page-scan.ts).
 *
 * Chunks end at block boundaries, where no name can run on, so cutting the text there loses no name. Only a run
 * of inline text far longer than a chunk (rare: a million-character paragraph) is cut elsewhere, at a space
 * between two text nodes; and a single text node longer than a chunk is cut inside, at a space, the next chunk
 * starting OVERLAP characters back so a name the cut went through is found whole there (`keepFrom` tells the
 * mapper which of that chunk's names the previous one already had). So one huge text node is read, sent and
 * mapped in chunk-sized pieces like any other text: it neither stalls the page nor exceeds what one request to
 * the background may carry.
 */
import { isBlockName, isSkippedName, skippedByAttribute } from './text-skip.ts';

/**
 * Between blocks we put a character that is a word boundary but not whitespace, so the matcher never joins the
 * last word of one paragraph to the first word of the next into one name.
 */
export const BLOCK_SEPARATOR = '\u0000';

/**
 * About how much text goes to the background in one scanText request. A few chunks per MB: each request costs a
 * round trip, and the background scans one chunk while the next is read (reading and mapping stay sliced
 * whatever the chunk's size). 64K chunks measured no faster on a 1 MB page (scripts/bench/timeline.ts).
 */
export const CHUNK_CHARS = 262_144;

export interface TextChunk {
  text: string;
  /** The text nodes the chunk's text comes from, each for a segment of its data (usually all of it). */
  nodes: Text[];
  /** starts[i] is where nodes[i]'s segment begins in `text`. */
  starts: number[];
  /** offsets[i] is where that segment begins in nodes[i].data, lengths[i] how long it is. */
  offsets: number[];
  lengths: number[];
  /**
   * Names ending at or before this position of `text` were found by the previous chunk: it is the overlap
   * repeated after a cut inside a text node (0 otherwise).
   */
  keepFrom: number;
  /** Per node: 1 once checked unchanged since it was read, 2 once found changed (see rangeOf). */
  checked?: Uint8Array;
  /** Per element holding a name found: is it shown (page-scan.ts)? */
  shown?: Map<Element, boolean>;
}

export interface ReaderHooks {
  /** An open shadow root met on the way (the caller watches it and hit-tests into it). */
  shadowRoot?(root: ShadowRoot): void;
  /**
   * The region the text read next is in (the caller watches it for text edits): the innermost block element or
   * shadow root around it below the root read, or the text node itself when there is none (text directly in
   * <body>). Told once per run of text in the same region.
   */
  textRegion?(region: Node): void;
}

/** How many nodes are visited between two looks at the clock. */
const CLOCK_EVERY = 32;
/**
 * After a cut inside a text node, the next chunk repeats this much of the text before the cut: longer than any
 * name (aliases are at most 200 characters), so a name the cut went through is found whole in the next chunk.
 */
export const OVERLAP = 256;
/** A cut inside a text node looks this far back for a space to cut at. */
const CUT_SEARCH = 4096;

const endsWithSpace = (s: string): boolean => /\s$/.test(s);
const startsWithSpace = (s: string): boolean => /^\s/.test(s);

/**
 * Walks `root` in document order, descending into open shadow roots, without recursion (deep pages can't
 * overflow the stack), resumable between time slices.
 */
export class TextReader {
  /**
   * Where to go on when the current run of siblings ends, whether that run was inside a block, and the text
   * region to go on in (parallel).
   */
  private readonly resumes: Array<Node | null> = [];
  private readonly blocks: boolean[] = [];
  private readonly regions: Array<Node | null> = [];
  /** The innermost block or shadow root around the text read now (null: none below the root). */
  private region: Node | null = null;
  private toldRegion: Node | null = null;
  private next: Node | null;
  private parts: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private offsets: number[] = [];
  private lengths: number[] = [];
  private keepFrom = 0;
  private length = 0;
  /** A text node cut inside, and where in its data the next chunk goes on. */
  private splitNode: Text | null = null;
  private splitFrom = 0;
  private pendingBreak = false;
  private finished: TextChunk | null = null;
  /** True once the whole root has been read and the last chunk handed out. */
  done = false;

  /** Elements skipped by an attribute, in every root met so far (see skippedByAttribute). */
  private readonly skipped = new Set<Element>();

  constructor(root: Node, private readonly hooks: ReaderHooks = {}, private readonly chunkChars = CHUNK_CHARS) {
    if (root.ownerDocument?.designMode === 'on') {
      // The whole document is the user's to edit.
      this.next = null;
      return;
    }
    this.skipAll(root);
    this.region = regionRoot(root);
    const shadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
    if (shadow) {
      this.enterShadow(shadow);
      this.push(root.firstChild, true);
      this.region = shadow;
      this.next = shadow.firstChild;
    } else {
      this.next = root.firstChild;
    }
  }

  private skipAll(root: Node): void {
    if ('querySelectorAll' in root) for (const el of skippedByAttribute(root as ParentNode)) this.skipped.add(el);
  }

  private enterShadow(shadow: ShadowRoot): void {
    this.hooks.shadowRoot?.(shadow);
    this.skipAll(shadow);
  }

  /**
   * Reads until a chunk is complete (returned) or `timeUp()` says the slice is over (null: call again). After
   * the last chunk, `done` is true and further calls return null.
   */
  read(timeUp: () => boolean): TextChunk | null {
    if (this.done) return null;
    let visited = 0;
    while (this.finished === null) {
      if (++visited % CLOCK_EVERY === 0 && timeUp()) return null;
      if (!this.step()) {
        this.done = true;
        return this.take();
      }
    }
    const chunk = this.finished;
    this.finished = null;
    return chunk;
  }

  /** Remembers where to go on (and in which region) once the run of siblings about to be read ends. */
  private push(resume: Node | null, block: boolean, region: Node | null = this.region): void {
    this.resumes.push(resume);
    this.blocks.push(block);
    this.regions.push(region);
  }

  /**
   * Visits one node; false when the walk is over. The hot loop: one localName, one shadowRoot and one firstChild
   * read per element, numeric node types, no allocation but the stack.
   */
  private step(): boolean {
    if (this.splitNode) {
      const t = this.splitNode;
      this.splitNode = null;
      this.pushText(t, this.splitFrom);
      return true;
    }
    const node = this.next;
    if (node === null) {
      if (this.resumes.length === 0) return false;
      if (this.blocks.pop()) this.pendingBreak = true;
      this.region = this.regions.pop()!;
      this.next = this.resumes.pop()!;
      return true;
    }
    this.next = node.nextSibling;
    const type = node.nodeType;
    if (type === 3) {
      this.pushText(node as Text);
    } else if (type === 1) {
      const el = node as Element;
      const name = el.localName;
      if (isSkippedName(name) || (this.skipped.size > 0 && this.skipped.has(el))) return true;
      const block = isBlockName(name);
      if (block) this.pendingBreak = true;
      const shadow = el.shadowRoot;
      if (shadow) {
        // The shadow tree, then the light children, then the siblings; shadow boundaries end a block.
        this.enterShadow(shadow);
        this.push(this.next, true);
        this.push(el.firstChild, true, block ? el : this.region);
        this.region = shadow;
        this.next = shadow.firstChild;
        this.pendingBreak = true;
      } else {
        const first = el.firstChild;
        if (first) {
          this.push(this.next, block);
          if (block) this.region = el;
          this.next = first;
        }
      }
    }
    return true;
  }

  /** Adds `t`'s data from `from` on (all of it, or as much as fits before a cut inside the node). */
  private pushText(t: Text, from = 0): void {
    const data = t.data;
    if (data.length <= from) return;
    if (from === 0) {
      if (this.length > 0 && this.shouldCut(data)) {
        this.finished = this.take();
      } else if (this.pendingBreak && this.length > 0) {
        this.parts.push(BLOCK_SEPARATOR);
        this.length += 1;
      }
      this.pendingBreak = false;
    }
    let to = data.length;
    if (to - from > this.chunkChars && this.finished === null) {
      // A node longer than a chunk: fill this chunk up to its size, cut at a space, go on in the next chunk.
      to = cutAt(data, from, from + Math.max(this.chunkChars - this.length, this.chunkChars >> 2));
      this.splitNode = t;
      const resume = resumeAt(data, to);
      // Always forward, however small the chunks (tests use tiny ones).
      this.splitFrom = resume > from ? resume : to;
    } else if (to - from > this.chunkChars) {
      // The chunk just ended before this node: it starts the next one, which is where it is cut.
      this.splitNode = t;
      this.splitFrom = from;
      return;
    }
    const region = this.region ?? t;
    // Whitespace between blocks is no reason to watch the block around them (it would watch all of them).
    if (region !== this.toldRegion && hasWord(data, from, to)) {
      this.toldRegion = region;
      this.hooks.textRegion?.(region);
    }
    this.nodes.push(t);
    this.starts.push(this.length);
    this.offsets.push(from);
    this.lengths.push(to - from);
    this.parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
    this.length += to - from;
    if (this.splitNode === t) {
      this.finished = this.take();
      // The next chunk opens with the overlap: names that end inside it were found in this one.
      this.keepFrom = to - this.splitFrom;
    }
  }

  /** End the current chunk before a text node starting with `data`? */
  private shouldCut(data: string): boolean {
    if (this.length < this.chunkChars) return false;
    if (this.pendingBreak) return true;
    // A very long inline run: cut between two nodes at a space, and in the worst case anywhere.
    if (this.length < this.chunkChars * 4) return false;
    const last = this.parts[this.parts.length - 1] ?? '';
    // ×8: 2 M characters with the default size, well under the background's MAX_SCAN_CHARS (api/messages.ts).
    return endsWithSpace(last) || startsWithSpace(data) || this.length >= this.chunkChars * 8;
  }

  private take(): TextChunk {
    const chunk: TextChunk = {
      text: this.parts.join(''), nodes: this.nodes, starts: this.starts, offsets: this.offsets, lengths: this.lengths,
      keepFrom: this.keepFrom,
    };
    this.parts = [];
    this.nodes = [];
    this.starts = [];
    this.offsets = [];
    this.lengths = [];
    this.keepFrom = 0;
    this.length = 0;
    return chunk;
  }
}

/** Whether data[from, to) holds anything but spaces. */
function hasWord(data: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(data.charCodeAt(i))) return true;
  return false;
}

/** The text region a reader starting at `root` begins in: the root when it is a block or a shadow root. */
function regionRoot(root: Node): Node | null {
  if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return root;
  if (root.nodeType !== Node.ELEMENT_NODE) return null;
  const name = (root as Element).localName;
  // The whole body would make every text edit of the page a record: its direct text is watched node by node.
  return name !== 'body' && name !== 'html' && isBlockName(name) ? root : null;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);

/**
 * Where to cut `data` (read from `from`) near `ideal`: just after the last space before it (within CUT_SEARCH),
 * else at `ideal`.
 */
function cutAt(data: string, from: number, ideal: number): number {
  for (let i = ideal - 1; i > ideal - CUT_SEARCH && i > from; i--) if (isSpace(data.charCodeAt(i))) return i + 1;
  return ideal;
}

/** Where the chunk after a cut at `cut` starts: OVERLAP back, moved on to the start of a word. */
function resumeAt(data: string, cut: number): number {
  const from = Math.max(0, cut - OVERLAP);
  for (let i = from; i < cut; i++) if (isSpace(data.charCodeAt(i))) return i + 1;
  return cut;
}

/** The text node index holding position `pos` of the chunk's text (`end` selects the node a range ends in). */
export function nodeIndexAt(chunk: TextChunk, pos: number, end: boolean): number {
  let lo = 0;
  let hi = chunk.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = chunk.starts[mid]!;
    if (end ? s < pos : s <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A StaticRange over [start, end) of the chunk's text, or null when the page has changed those nodes since they
 * were read (the change is rescanned on its own).
 */
export function rangeOf(chunk: TextChunk, start: number, end: number): StaticRange | null {
  const i = nodeIndexAt(chunk, start, false);
  const j = nodeIndexAt(chunk, end, true);
  const checked = (chunk.checked ??= new Uint8Array(chunk.nodes.length));
  for (let k = i; k <= j; k++) {
    if (checked[k] === 0) {
      // Each segment is compared once per chunk, however many names it holds.
      const node = chunk.nodes[k]!;
      const at = chunk.starts[k]!;
      const off = chunk.offsets[k]!;
      const len = chunk.lengths[k]!;
      const data = node.data;
      const same = off === 0 && len === data.length
        ? chunk.text.slice(at, at + len) === data
        : data.length >= off + len && chunk.text.slice(at, at + len) === data.slice(off, off + len);
      checked[k] = node.isConnected && same ? 1 : 2;
    }
    if (checked[k] === 2) return null;
  }
  return new StaticRange({
    startContainer: chunk.nodes[i]!,
    startOffset: chunk.offsets[i]! + start - chunk.starts[i]!,
    endContainer: chunk.nodes[j]!,
    endOffset: chunk.offsets[j]! + end - chunk.starts[j]!,
  });
}
