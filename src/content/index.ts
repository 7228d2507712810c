/**
 * Content script entry, on every http(s) page and frame. It must never break the page: every path is guarded,
 * nothing is thrown into the page, the page's DOM is never changed, and the only element it adds is the card's
 * shadow host.
 *
 * How it works: content-session.ts decides from the settings whether Dramatis runs here; page-session.ts runs
 * it, with entity-directory.ts (what this page knows of the entities it names) and guard.ts (around every
 * callback). Each part has a folder:
 * - scan/: page-scan.ts reads the text in idle-time chunks (text-reader.ts, skipping what text-skip.ts names)
 *   and has the background find the names, kept as static ranges in page-mentions.ts; dom-watch.ts and
 *   text-regions.ts follow page changes and SPA navigations; work-slices.ts keeps each slice of work short, and
 *   scan-timing.ts times it (test builds only);
 * - paint/: highlights.ts paints the names (highlight-styles.ts; near-viewport.ts on pages with very many), and
 *   reveal-mention.ts scrolls to and flashes the one the side panel asks for;
 * - card/: the card (card-*.ts, EntityCard.tsx and its parts); hover.ts and keyboard.ts are its pointer and
 *   keyboard sides, caret.ts finds where the reader points, mention-context.ts the words around a mention for
 *   "Not this one".
 *
 * Timings for benchmarks and tests, in the page's performance timeline of a test build only (read them from the
 * page with `performance.getEntriesByName(name)`; details in scan/scan-timing.ts):
 *   `dramatis:scan`   one measure per full scan of a document: start to every highlight registered;
 *   `dramatis:chunk`  one measure per chunk: start of reading it to its highlights registered;
 *   `dramatis:task`   one measure per synchronous slice of main-thread work: their sum is the content script's
 *                     main-thread time, the longest its longest task.
 */
import { ContentSession } from './content-session.ts';

const MARK = '__dramatisContentLoaded';

// A second injection (extension reload, a frame re-run) must not double the listeners.
const flags = globalThis as unknown as Record<string, boolean>;
if (!flags[MARK]) {
  flags[MARK] = true;
  try {
    new ContentSession();
  } catch (err) {
    console.debug('Dramatis: content script could not start', err);
  }
}
