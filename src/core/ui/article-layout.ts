/**
 * How the article reader lays out a bundled article's text, as offsets into that text, so the matcher's mention
 * offsets and a quoted passage apply to it directly. Pure: no browser APIs.
 */
import { foldForMatch, foldKey } from '../matching/normalize.ts';

export type BlockKind = 'section' | 'headline' | 'heading' | 'paragraph';

/** One line of the article: [start, end) in the text, without surrounding whitespace. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

/** A short line that ends no sentence reads as a sub-heading (as the sample page renders it too). */
function looksLikeHeading(line: string): boolean {
  return line.length < 60 && !/[.:؟?!”"»]$/.test(line);
}

/**
 * The article's non-blank lines as blocks. A line equal to the article's section or title (as the bundled texts
 * begin) is marked as such; other lines are headings or paragraphs.
 */
export function articleBlocks(text: string, known: { section?: string; title?: string } = {}): Block[] {
  const blocks: Block[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line === '') continue;
    const start = m.index + lead;
    const end = start + line.length;
    let kind: BlockKind;
    if (known.section !== undefined && blocks.length === 0 && line === known.section.trim()) kind = 'section';
    else if (known.title !== undefined && !blocks.some((b) => b.kind === 'headline') && line === known.title.trim()) kind = 'headline';
    else kind = looksLikeHeading(line) ? 'heading' : 'paragraph';
    blocks.push({ kind, start, end });
  }
  return blocks;
}

/**
 * Where a quote stands in the text, compared as the matcher compares names (folded: hamza forms, tashkeel,
 * quotation-mark-free apostrophes and runs of whitespace don't matter), so a quote copied with other line breaks
 * or without diacritics is still found. The span covers the text's own characters. Undefined when absent.
 */
export function findPassage(text: string, quote: string): Span | undefined {
  const key = foldKey(quote);
  if (key === '') return undefined;
  const { folded, map } = foldForMatch(text);
  const at = folded.indexOf(key);
  if (at < 0) return undefined;
  let start = map[at]!;
  let end = map[at + key.length - 1]! + 1;
  // Quotation marks fold to spaces, which the key drops at its ends: a quote that opens or closes with one
  // (“قاآني” وصل…) still covers it where the text has it too.
  const q = foldForMatch(quote);
  const lead = quote.slice(0, q.map[q.folded.length - q.folded.trimStart().length]);
  const trail = quote.slice(q.map[q.folded.trimEnd().length - 1]! + 1);
  if (lead !== '' && text.slice(start - lead.length, start) === lead) start -= lead.length;
  if (trail !== '' && text.startsWith(trail, end)) end += trail.length;
  return { start, end };
}

/** A stretch of a block's text: plain, or (part of) the quoted passage. */
export interface Piece extends Span {
  marked: boolean;
}

/** A block's text as runs: plain text, or one mention of an entity (one link), each cut where the passage is. */
export interface Run extends Span {
  entityId?: string;
  pieces: Piece[];
}

/**
 * Splits a block into runs at mention boundaries, and each run into pieces at the passage's boundaries.
 * `mentions` are sorted and non-overlapping (as the matcher returns them); those outside the block are ignored.
 */
export function blockRuns(block: Span, mentions: ReadonlyArray<Span & { entityId: string }>, passage?: Span): Run[] {
  const runs: Run[] = [];
  const pieces = (start: number, end: number): Piece[] => {
    if (!passage || passage.end <= start || passage.start >= end) return [{ start, end, marked: false }];
    const cuts = [start, Math.max(start, passage.start), Math.min(end, passage.end), end];
    const out: Piece[] = [];
    for (let i = 0; i < 3; i++) {
      if (cuts[i + 1]! > cuts[i]!) out.push({ start: cuts[i]!, end: cuts[i + 1]!, marked: i === 1 });
    }
    return out;
  };
  let at = block.start;
  for (const m of mentions) {
    if (m.end <= block.start || m.start >= block.end) continue;
    const start = Math.max(m.start, block.start);
    const end = Math.min(m.end, block.end);
    if (start < at) continue;
    if (start > at) runs.push({ start: at, end: start, pieces: pieces(at, start) });
    runs.push({ start, end, entityId: m.entityId, pieces: pieces(start, end) });
    at = end;
  }
  if (at < block.end) runs.push({ start: at, end: block.end, pieces: pieces(at, block.end) });
  return runs;
}
