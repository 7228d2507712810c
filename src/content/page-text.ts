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
 * between two text nodes.
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
  nodes: Text[];
  /** starts[i] is where nodes[i]'s data begins in `text`. */
  starts: number[];
  /** Per node: 1 once checked unchanged since it was read, 2 once found changed (see rangeOf). */
  checked?: Uint8Array;
  /** Per element holding a name found: is it shown (page-scan.ts)? */
  shown?: Map<Element, boolean>;
}

export interface ReaderHooks {
  /** An open shadow root met on the way (the caller watches it and hit-tests into it). */
  shadowRoot?(root: ShadowRoot): void;
}

/** How many nodes are visited between two looks at the clock. */
const CLOCK_EVERY = 32;

const endsWithSpace = (s: string): boolean => /\s$/.test(s);
const startsWithSpace = (s: string): boolean => /^\s/.test(s);

/**
 * Walks `root` in document order, descending into open shadow roots, without recursion (deep pages can't
 * overflow the stack), resumable between time slices.
 */
export class TextReader {
  /** Where to go on when the current run of siblings ends, and whether that run was inside a block (parallel). */
  private readonly resumes: Array<Node | null> = [];
  private readonly blocks: boolean[] = [];
  private next: Node | null;
  private parts: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private length = 0;
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
    const shadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
    if (shadow) {
      this.enterShadow(shadow);
      this.push(root.firstChild, true);
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

  private push(resume: Node | null, block: boolean): void {
    this.resumes.push(resume);
    this.blocks.push(block);
  }

  /**
   * Visits one node; false when the walk is over. The hot loop: one localName, one shadowRoot and one firstChild
   * read per element, numeric node types, no allocation but the stack.
   */
  private step(): boolean {
    const node = this.next;
    if (node === null) {
      if (this.resumes.length === 0) return false;
      if (this.blocks.pop()) this.pendingBreak = true;
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
        this.push(el.firstChild, true);
        this.next = shadow.firstChild;
        this.pendingBreak = true;
      } else {
        const first = el.firstChild;
        if (first) {
          this.push(this.next, block);
          this.next = first;
        }
      }
    }
    return true;
  }

  private pushText(t: Text): void {
    const data = t.data;
    if (data.length === 0) return;
    if (this.length > 0 && this.shouldCut(data)) {
      this.finished = this.take();
    } else if (this.pendingBreak && this.length > 0) {
      this.parts.push(BLOCK_SEPARATOR);
      this.length += 1;
    }
    this.pendingBreak = false;
    this.nodes.push(t);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  /** End the current chunk before a text node starting with `data`? */
  private shouldCut(data: string): boolean {
    if (this.length < this.chunkChars) return false;
    if (this.pendingBreak) return true;
    // A very long inline run: cut between two nodes at a space, and in the worst case anywhere.
    if (this.length < this.chunkChars * 4) return false;
    const last = this.parts[this.parts.length - 1] ?? '';
    // ×8: 2 M characters with the default size, well under the background's MAX_SCAN_CHARS (handlers.ts).
    return endsWithSpace(last) || startsWithSpace(data) || this.length >= this.chunkChars * 8;
  }

  private take(): TextChunk {
    const chunk: TextChunk = { text: this.parts.join(''), nodes: this.nodes, starts: this.starts };
    this.parts = [];
    this.nodes = [];
    this.starts = [];
    this.length = 0;
    return chunk;
  }
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
 * A DOM Range over [start, end) of the chunk's text, or null when the page has changed those nodes since they
 * were read (the change is rescanned on its own).
 */
export function rangeOf(chunk: TextChunk, start: number, end: number): Range | null {
  const i = nodeIndexAt(chunk, start, false);
  const j = nodeIndexAt(chunk, end, true);
  const checked = (chunk.checked ??= new Uint8Array(chunk.nodes.length));
  for (let k = i; k <= j; k++) {
    if (checked[k] === 0) {
      // Each node is compared once per chunk, however many names it holds.
      const node = chunk.nodes[k]!;
      const at = chunk.starts[k]!;
      checked[k] = node.isConnected && chunk.text.slice(at, at + node.data.length) === node.data ? 1 : 2;
    }
    if (checked[k] === 2) return null;
  }
  const a = chunk.nodes[i]!;
  const b = chunk.nodes[j]!;
  const startOffset = start - chunk.starts[i]!;
  const endOffset = end - chunk.starts[j]!;
  const range = new Range();
  range.setStart(a, startOffset);
  range.setEnd(b, endOffset);
  return range;
}
