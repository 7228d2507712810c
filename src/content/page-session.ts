/**
 * Dramatis running on one page: the scan and everything it feeds (mentions, highlights, the card, hover,
 * keyboard, the watch on page changes), for as long as the user's settings let it run here. `stop()` removes
 * every highlight, listener, observer and the card host, leaving the page as it was.
 */
import type { EntityType } from '../core/dataset/dataset-schema.ts';
import { browser } from '../shared/browser.ts';
import { dismissMention, loadDismissed, undismissMention, watchDismissed } from '../shared/dismissals.ts';
import type { PageMention } from '../shared/api/messages.ts';
import { announcePageMentionsChanged } from '../shared/api/send.ts';
import type { Settings } from '../shared/settings.ts';
import { CardController } from './card/card-controller.ts';
import { CardHost } from './card/card-host.ts';
import { caretAt, selectionStart } from './card/caret.ts';
import { DomWatch } from './scan/dom-watch.ts';
import { EntityDirectory } from './entity-directory.ts';
import { guarded } from './guard.ts';
import { HighlightPainter } from './paint/highlights.ts';
import { HoverController } from './card/hover.ts';
import { contextKeyOf } from './card/mention-context.ts';
import { Superseded, timedTask } from './scan/work-slices.ts';
import { watchKeyboard } from './card/keyboard.ts';
import { PageMentionIndex, liveRange, type FoundMention } from './scan/page-mentions.ts';
import { PageScanner } from './scan/page-scan.ts';

/** After a page change licensed more names, wait this long for further changes before rescanning the page. */
const LICENSING_RESCAN_DELAY_MS = 1000;

const documentRoot = (): Node => document.body ?? document.documentElement;

export class PageSession {
  readonly index = new PageMentionIndex();
  private readonly listeners = new AbortController();
  /** Aborted when the document context ends (route change, new dataset, stop). */
  private context = new AbortController();
  private readonly painter: HighlightPainter;
  private readonly directory = new EntityDirectory();
  private readonly scanner: PageScanner;
  private readonly host = new CardHost();
  private readonly card: CardController;
  private readonly hover: HoverController;
  private readonly watch: DomWatch;
  private queue: Promise<void> = Promise.resolve();
  private licensingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The index version an open side panel was last told about. */
  private announcedVersion = 0;
  private shownTypes: Set<EntityType>;
  private muted: Set<string>;
  /** Keys of the mentions dismissed on this page ("Not this one"), and each mention's key once computed. */
  private dismissed = new Set<string>();
  private readonly dismissKeys = new WeakMap<FoundMention, string>();
  /** Settles when the current document context's first full scan has finished (or failed). */
  scanned: Promise<void> = Promise.resolve();
  /** A new dataset was installed while the tab was hidden: the page is rescanned when it is shown. */
  private datasetStale = false;

  /** `onContextLost`: the extension is gone (reloaded or removed) under the page; the caller stops. */
  constructor(private settings: Settings, private readonly onContextLost: () => void) {
    this.shownTypes = new Set(settings.shownTypes);
    this.muted = new Set(settings.mutedEntities);
    this.painter = new HighlightPainter(settings.highlightStyle);
    const signal = this.listeners.signal;
    this.watch = new DomWatch({
      changed: (roots) => this.rescanRegions(roots),
      navigated: () => this.freshContext(),
    }, signal);
    this.scanner = new PageScanner(this.index, this.directory, {
      added: (m) => this.paint(m),
      removed: (m) => this.unpaint(m),
    }, {
      shadowRoot: (root) => this.watch.observe(root),
      textRegion: (region) => this.watch.watchText(region),
      hidden: (el) => this.watch.noteHidden(el),
    });
    this.card = new CardController({
      host: this.host,
      directory: this.directory,
      painter: this.painter,
      index: this.index,
      isShown: (m) => this.isShown(m),
      onOpened: (m) => this.hover.opened(m),
      onClosed: () => this.hover.closed(),
      dismissMention: (m) => this.dismissMention(m),
    });
    this.hover = new HoverController({
      hitTest: (x, y) => this.hitTest(x, y),
      isInCard: (e) => this.host.contains(e),
      open: (m, how) => void this.card.open(m, how).catch(() => undefined),
      close: () => this.card.close(),
      openDelayMs: () => this.settings.hoverDelayMs,
      pointing: (m) => this.directory.prefetch(m.entityId),
    }, signal);
    watchKeyboard({
      isOpen: () => this.card.isOpen,
      close: () => this.card.close(),
      isInCard: (e) => this.host.contains(e),
    }, signal);
    this.scanned = this.enqueue((s) => this.scanner.scanDocument(documentRoot(), s));
    this.followDismissals(signal);
    document.addEventListener('visibilitychange', guarded(() => {
      if (document.visibilityState === 'visible') this.catchUp();
    }), { signal });
  }

  /** Follows a change of settings that keeps Dramatis on for this page. */
  applySettings(settings: Settings): void {
    this.settings = settings;
    this.shownTypes = new Set(settings.shownTypes);
    this.muted = new Set(settings.mutedEntities);
    timedTask('paint', () => {
      this.painter.setStyle(settings.highlightStyle);
      this.repaint();
    });
    this.card.refresh();
  }

  /**
   * A new dataset was installed: everything found so far may have changed. A tab in the background waits until
   * it is shown (or asked what it holds): with fifty tabs open, an update rescans the one being read, not fifty
   * pages at once on a modest laptop.
   */
  datasetChanged(): void {
    if (document.visibilityState === 'hidden') {
      this.datasetStale = true;
      return;
    }
    this.refreshDataset();
  }

  /** The automation contract's rows for this page, once its scan is done. */
  async summary(): Promise<PageMention[]> {
    this.catchUp();
    await this.scanned;
    return this.index.summary((id) => this.directory.brief(id)?.nameEn ?? id);
  }

  /** Distinct entities marked on the page once its current scan is done: the toolbar badge's number. */
  async shownEntityCount(): Promise<number> {
    this.catchUp();
    await this.scanned;
    const ids = new Set<string>();
    for (const m of this.index.all) if (this.isShown(m)) ids.add(m.entityId);
    return ids.size;
  }

  /**
   * The "open the card" command (a browser command, so the reader can change its shortcut): moves focus into a
   * card opened by hovering, else opens the card at the caret or selection, or the first name on screen.
   */
  openFromKeyboard(): boolean {
    if (this.card.isOpen && !this.host.hasFocus) {
      this.card.focusFromKeyboard();
      return true;
    }
    return this.openAtCaret();
  }

  stop(): void {
    this.context.abort();
    this.listeners.abort();
    clearTimeout(this.licensingTimer);
    this.card.close();
    this.host.destroy();
    this.painter.destroy();
    this.index.clear();
  }

  /** Flashes a range (the side panel's "where is it?"). */
  flash(range: AbstractRange, ms: number): void {
    this.painter.flash(range, ms);
  }

  isShown(m: FoundMention): boolean {
    const brief = this.directory.brief(m.entityId);
    return brief !== undefined && this.shownTypes.has(brief.type) && !this.muted.has(m.entityId) && !this.isDismissed(m);
  }

  /** "Not this one": hides `m` on this page, remembered for the page's URL; resolves to its undo. */
  private async dismissMention(m: FoundMention): Promise<() => Promise<void>> {
    const url = location.href;
    const key = this.keyOf(m);
    await dismissMention(url, key);
    this.setDismissed(new Set([...this.dismissed, key]));
    return () => undismissMention(url, key);
  }

  private isDismissed(m: FoundMention): boolean {
    // Nearly every page has none: then no mention's context is ever read.
    return this.dismissed.size > 0 && this.dismissed.has(this.keyOf(m));
  }

  private keyOf(m: FoundMention): string {
    let key = this.dismissKeys.get(m);
    if (key === undefined) this.dismissKeys.set(m, (key = contextKeyOf(m)));
    return key;
  }

  /** Loads this page's dismissed mentions, and follows changes (an undo, the same page in another tab). */
  private followDismissals(signal: AbortSignal): void {
    const load = () => void loadDismissed(location.href).then((keys) => this.setDismissed(keys), () => undefined);
    load();
    this.reloadDismissals = load;
    signal.addEventListener('abort', watchDismissed(() => location.href, guarded((keys: Set<string>) => this.setDismissed(keys))));
  }

  private reloadDismissals: () => void = () => undefined;

  private setDismissed(keys: Set<string>): void {
    if (keys.size === this.dismissed.size && [...keys].every((k) => this.dismissed.has(k))) return;
    this.dismissed = keys;
    timedTask('paint', () => this.repaint());
    this.card.refresh();
  }

  /** Rescans for a dataset installed while the tab was hidden, if one was. */
  private catchUp(): void {
    if (this.datasetStale) this.refreshDataset();
  }

  /**
   * Rescans the page with the new dataset in a new document context (a scan under way is superseded), over what
   * the old one found: names stay painted until the rescan replaces them or finds they are gone (no blink).
   */
  private refreshDataset(): void {
    this.newContext();
    this.directory.forgetRecords();
    this.scanned = this.enqueue((s) => this.scanner.refreshDocument(documentRoot(), s));
  }

  /** A new document context: an SPA route change. Nothing found before carries over. */
  private freshContext(): void {
    this.newContext();
    this.index.clear();
    this.painter.clearRanges();
    this.scanner.reset();
    this.scanned = this.enqueue((s) => this.scanner.scanDocument(documentRoot(), s));
    // A new address (SPA route) has its own dismissals.
    this.reloadDismissals();
  }

  /**
   * Ends the current document context (its scans are superseded, its pending page changes dropped: the full
   * scan that follows reads them) before a full scan of the page, which covers a stale dataset too.
   */
  private newContext(): void {
    this.datasetStale = false;
    this.context.abort();
    this.context = new AbortController();
    clearTimeout(this.licensingTimer);
    this.card.close();
    this.watch.discardPending();
  }

  private rescanRegions(roots: Node[]): void {
    void this.enqueue(async (s) => {
      const licensedMore = await this.scanner.scanRegions(roots, s);
      if (this.card.mention && !this.index.has(this.card.mention)) this.card.close();
      if (licensedMore) this.scheduleLicensingRescan();
    });
  }

  private scheduleLicensingRescan(): void {
    clearTimeout(this.licensingTimer);
    this.licensingTimer = setTimeout(guarded(() => {
      void this.enqueue((s) => this.scanner.rescanDocument(documentRoot(), s));
    }), LICENSING_RESCAN_DELAY_MS);
  }

  /**
   * Runs scan jobs one after another, each bound to the document context it was queued in. After a job that
   * changed what the page mentions, an open side panel is told (top frame only: it is the one it asks).
   */
  private enqueue(job: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const signal = this.context.signal;
    const run = this.queue.then(async () => {
      if (signal.aborted) return;
      await job(signal);
      this.painter.verify();
      if (this.index.version === this.announcedVersion) return;
      this.announcedVersion = this.index.version;
      if (window === window.top) announcePageMentionsChanged();
    });
    this.queue = run.catch((err: unknown) => {
      if (err instanceof Superseded) return;
      console.debug('Dramatis: scan failed', err);
      if (!extensionAlive()) this.onContextLost();
    });
    return this.queue;
  }

  private paint(m: FoundMention): void {
    if (!this.isShown(m)) return;
    const type = this.directory.brief(m.entityId)?.type;
    if (type) this.painter.add(m.range, type);
  }

  private unpaint(m: FoundMention): void {
    this.painter.delete(m.range);
  }

  private repaint(): void {
    this.painter.clearRanges();
    for (const m of this.index.all) this.paint(m);
  }

  private hitTest(x: number, y: number): FoundMention | undefined {
    if (this.index.size === 0) return undefined;
    const caret = caretAt(x, y, this.watch.shadowRoots());
    const m = caret ? this.index.at(caret.node, caret.offset, x, y) : undefined;
    return m && this.isShown(m) ? m : undefined;
  }

  private openAtCaret(): boolean {
    const keep = (m: FoundMention) => this.isShown(m);
    const caret = selectionStart();
    let m = caret ? this.index.atOrAfter(caret.node, caret.offset, keep) : undefined;
    // No caret, or none after it: the first name on screen, else the first on the page.
    m ??= this.index.all.find((x) => keep(x) && onScreen(x.range)) ?? this.index.all.find(keep);
    if (!m) return false;
    void this.card.open(m, { focus: true }).catch(() => undefined);
    return true;
  }
}

/** False once the extension has been reloaded or removed: its content scripts can no longer reach it. */
function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

function onScreen(range: AbstractRange): boolean {
  const r = liveRange(range)?.getBoundingClientRect();
  if (!r) return false;
  const vh = document.documentElement.clientHeight || window.innerHeight;
  return r.bottom > 0 && r.top < vh && (r.width > 0 || r.height > 0);
}
