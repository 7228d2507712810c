/**
 * "One sense per discourse" across the chunks of one document. The background's matcher is stateless and sees
 * one chunk at a time: the content script passes each chunk the entities licensed so far (their full names
 * seen earlier), and this ledger remembers where each was first licensed. A full name that only appears in a
 * later chunk licenses the ambiguous aliases of earlier chunks too: those chunks are scanned again, and only
 * when it can matter (the entity has ambiguous aliases at all). Pure: no browser APIs.
 */
export class DocumentLicensing {
  private readonly firstChunk = new Map<string, number>();

  /** The ids licensed so far in this document: pass them with the next chunk. */
  get licensed(): string[] {
    return [...this.firstChunk.keys()];
  }

  has(id: string): boolean {
    return this.firstChunk.has(id);
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

  /**
   * How many leading chunks must be scanned again so every ambiguous alias sees every licence of the document:
   * chunks before the last chunk that first licensed an entity with ambiguous aliases (0: none).
   */
  rescanPrefix(hasAmbiguousAliases: (id: string) => boolean): number {
    let prefix = 0;
    for (const [id, index] of this.firstChunk) {
      if (index > prefix && hasAmbiguousAliases(id)) prefix = index;
    }
    return prefix;
  }

  clear(): void {
    this.firstChunk.clear();
  }
}
