/**
 * "One sense per discourse" across the chunks of one document. The background's matcher is stateless and sees
 * one chunk at a time: the content script passes each chunk the entities licensed so far (their full names
 * seen earlier), and this ledger remembers where each was first licensed. A full name that only appears in a
 * later chunk licenses the ambiguous aliases of earlier chunks too: those chunks are scanned again, and only
 * when it can matter (the entity has ambiguous aliases at all). Pure: no browser APIs.
 *
 * Chunks may be in flight concurrently, so a chunk can be sent before the licences of earlier chunks are known:
 * `send` remembers the licence set each chunk went out with, and `rescanChunks` names exactly the chunks that
 * went out without a licence (of an entity with ambiguous aliases) the document turned out to have.
 */
export class DocumentLicensing {
  private readonly firstChunk = new Map<string, number>();
  /** Chunk index → the licences it was last sent with. */
  private readonly sentWith = new Map<number, ReadonlySet<string>>();

  /** The ids licensed so far in this document: pass them with the next chunk. */
  get licensed(): string[] {
    return [...this.firstChunk.keys()];
  }

  /** Chunk `index` is about to be sent: remembers and returns the licences to send with it. */
  send(index: number): string[] {
    const ids = this.licensed;
    this.sentWith.set(index, new Set(ids));
    return ids;
  }

  /**
   * The chunks (indexes below `below`, ascending) to scan again: each was sent without a licence of an entity
   * with ambiguous aliases that the document has, and that the chunk did not license itself.
   */
  rescanChunks(hasAmbiguousAliases: (id: string) => boolean, below = Number.POSITIVE_INFINITY): number[] {
    const ambiguous = [...this.firstChunk].filter(([id]) => hasAmbiguousAliases(id));
    if (ambiguous.length === 0) return [];
    const chunks: number[] = [];
    for (const [index, sent] of this.sentWith) {
      if (index < below && ambiguous.some(([id, first]) => first !== index && !sent.has(id))) chunks.push(index);
    }
    return chunks.sort((a, b) => a - b);
  }

  /** Records what chunk `index` licensed; returns the ids that are new to the document. */
  record(index: number, ids: readonly string[]): string[] {
    const fresh: string[] = [];
    for (const id of ids) {
      if (this.firstChunk.has(id)) continue;
      this.firstChunk.set(id, index);
      fresh.push(id);
    }
    return fresh;
  }

  clear(): void {
    this.firstChunk.clear();
    this.sentWith.clear();
  }
}
