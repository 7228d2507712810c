/**
 * The card's behaviour: opening it for a name (fetching what it shows), following a tie to another entity's
 * card and back (focus on the new card's name), moving to the next or previous name on the page, and the card's
 * actions (side panel, article reader, "Not this one", "Don't highlight <name>", the last two with an undo
 * toast: card-dismiss.ts). Rendering is EntityCard's, placement card-position's, the DOM card-host's.
 */
import { h } from 'preact';
import { t, uiLanguage } from '../../shared/i18n.ts';
import { sendToBackground } from '../../shared/api/send.ts';
import { EntityCard } from './EntityCard.tsx';
import type { CardHost } from './card-host.ts';
import { CardDismissals } from './card-dismiss.ts';
import { anchorCard, type Anchoring } from './card-position.ts';
import type { EntityDirectory } from '../entity-directory.ts';
import type { HighlightPainter } from '../paint/highlights.ts';
import { liveRange, type FoundMention, type PageMentionIndex } from '../scan/page-mentions.ts';
import { now, recordCardPainted } from '../scan/scan-timing.ts';

export interface CardControllerDeps {
  host: CardHost;
  directory: EntityDirectory;
  painter: HighlightPainter;
  index: PageMentionIndex;
  /** Whether a mention is shown (its type shown, its entity not muted): only those open cards. */
  isShown: (m: FoundMention) => boolean;
  /** Told when a card opens or closes by any means, so hover intent follows. */
  onOpened: (m: FoundMention) => void;
  onClosed: () => void;
  /** "Not this one": hides one mention on this page; resolves to its undo. */
  dismissMention: (m: FoundMention) => Promise<() => Promise<void>>;
}

interface OpenCard {
  mention: FoundMention;
  /** Entity ids from the name's own entity to the one shown (following ties pushes, Back pops). */
  trail: string[];
  /** Opened from the keyboard (or a tap): the card lists its keys. */
  keyboard: boolean;
  status: string | undefined;
}

export class CardController {
  private current: OpenCard | null = null;
  private anchoring: Anchoring | null = null;
  /** Bumped by every open and close: an answer for an older request is dropped. */
  private generation = 0;
  private readonly dismissals: CardDismissals;

  constructor(private readonly deps: CardControllerDeps) {
    this.dismissals = new CardDismissals(deps.host, deps.dismissMention);
  }

  get mention(): FoundMention | null {
    return this.current?.mention ?? null;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Opens the card for a name; with `focus`, moves focus into it (keyboard and touch). */
  async open(mention: FoundMention, { focus }: { focus: boolean }): Promise<void> {
    if (this.current?.mention === mention) {
      if (focus) this.deps.host.focus();
      return;
    }
    const asked = now();
    this.anchoring?.stop();
    this.anchoring = null;
    const generation = ++this.generation;
    this.current = { mention, trail: [mention.entityId], keyboard: focus, status: undefined };
    this.deps.painter.setActive(mention.range);
    this.deps.onOpened(mention);
    if (!(await this.show(generation))) return;
    recordCardPainted(asked);
    if (focus) this.deps.host.focus();
  }

  /** Moves focus into the open card from the keyboard (the open-card command): it then lists its keys. */
  focusFromKeyboard(): void {
    const cur = this.current;
    if (!cur) return;
    this.deps.host.focus();
    if (!cur.keyboard) {
      cur.keyboard = true;
      void this.show(this.generation);
    }
  }

  close(): void {
    if (!this.current) return;
    this.generation++;
    this.current = null;
    this.anchoring?.stop();
    this.anchoring = null;
    this.deps.host.hide();
    this.deps.painter.setActive(null);
    this.deps.onClosed();
  }

  /** Opens the card of the next (1) or previous (-1) shown name, scrolling it into view. */
  async step(direction: 1 | -1): Promise<void> {
    const from = this.current?.mention;
    if (!from) return;
    const next = this.deps.index.neighbour(from, direction, this.deps.isShown);
    if (!next) return;
    revealRange(next.range);
    await this.open(next, { focus: this.deps.host.hasFocus });
  }

  /** Re-renders (after settings changed what is shown, or the dataset changed); closes if its name is gone. */
  refresh(): void {
    const cur = this.current;
    if (!cur) return;
    if (!this.deps.index.has(cur.mention) || !this.deps.isShown(cur.mention)) this.close();
    else void this.show(this.generation);
  }

  /** Renders the current card; false if it was superseded or could not be shown. */
  private async show(generation: number): Promise<boolean> {
    const cur = this.current;
    if (!cur) return false;
    const id = cur.trail[cur.trail.length - 1]!;
    let data;
    let backTo: string | undefined;
    try {
      data = (await this.deps.directory.cardData(id)) ?? { missing: id };
      const previous = cur.trail[cur.trail.length - 2];
      if (previous !== undefined) backTo = (await this.deps.directory.cardData(previous))?.entity.name[uiLanguage()];
    } catch {
      // The background is gone (extension reloaded): nothing to show.
      if (generation === this.generation) this.close();
      return false;
    }
    if (generation !== this.generation || this.current !== cur) return false;
    const card = this.deps.host.render(
      h(EntityCard, {
        data,
        lang: uiLanguage(),
        backTo,
        keyboard: cur.keyboard,
        status: cur.status,
        onClose: () => this.close(),
        onBack: () => this.follow(null),
        onOpenEntity: (target: string) => this.follow(target),
        onOpenReader: (articleId: string, quote: string) => void this.openReader(articleId, quote, id),
        onShowInPanel: () => void this.showInPanel(id),
        onNotThisOne: (fromKeyboard: boolean) => this.notThisOne(fromKeyboard),
        onMute: (fromKeyboard: boolean) => this.mute(id, 'entity' in data ? data.entity.name[uiLanguage()] : id, fromKeyboard),
        onKeyDown: (e: KeyboardEvent) => this.onKeyDown(e),
        onFocusOut: (e: FocusEvent) => this.onFocusOut(e),
      }),
    );
    if (!card) return false;
    // A live range, the only one Dramatis keeps, and only while the card is open: it follows the name as the
    // page changes around it, which placing the card needs.
    this.anchoring ??= anchorCard(liveRange(cur.mention.range) ?? new Range(), card);
    // Focus can only go to a card that is shown, and it is shown once placed.
    await this.anchoring.placed;
    return generation === this.generation;
  }

  /**
   * Shows a tie's entity in the card (null: back to the previous one), and moves focus to its name: the button
   * that was pressed is gone with the old card, and focus must not fall to the page's body.
   */
  private follow(target: string | null): void {
    const cur = this.current;
    if (!cur) return;
    if (target === null) {
      if (cur.trail.length > 1) cur.trail.pop();
    } else {
      cur.trail.push(target);
    }
    cur.status = undefined;
    void this.show(this.generation).then((shown) => {
      if (shown) this.deps.host.focus('#dramatis-name');
    });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Physical keys, so they work whatever the keyboard layout (Arabic included).
    if (e.code === 'KeyN' || e.code === 'KeyP') {
      e.preventDefault();
      e.stopPropagation();
      void this.step(e.code === 'KeyN' ? 1 : -1);
    }
  }

  /** Tabbing (or clicking) out of the card to the page closes it: the reader has moved on. */
  private onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    const card = this.deps.host.card;
    if (to && card && !card.contains(to)) this.close();
  }

  private async showInPanel(entityId: string): Promise<void> {
    let opened = false;
    try {
      ({ opened } = await sendToBackground('openSidePanel', { entityId }));
    } catch {
      opened = false;
    }
    // Firefox opens its sidebar only from the reader's own click on the toolbar: say so.
    if (!opened && this.current) {
      this.current.status = t('cardPanelInSidebar');
      void this.show(this.generation);
    }
  }

  private async openReader(articleId: string, quote: string, entityId: string): Promise<void> {
    try {
      await sendToBackground('openReader', { articleId, quote, entityId });
    } catch {
      /* the background is gone: nothing to open */
    }
  }

  /** "Not this one": this mention only, on this page, with an undo toast (its Undo focused for a keyboard user). */
  private notThisOne(fromKeyboard: boolean): void {
    const cur = this.current;
    if (!cur) return;
    const name = cur.mention.surface;
    this.close();
    void this.dismissals.dismiss(cur.mention, name, fromKeyboard);
  }

  /** "Don't highlight <name>": the entity, on every page, with an undo toast. */
  private mute(entityId: string, name: string, fromKeyboard: boolean): void {
    this.close();
    void this.dismissals.mute(entityId, name, fromKeyboard);
  }
}

/** Scrolls a name into view if it is not on screen (the keyboard moved to it). */
function revealRange(range: AbstractRange): void {
  const rect = liveRange(range)?.getBoundingClientRect();
  if (!rect) return;
  const vh = document.documentElement.clientHeight || window.innerHeight;
  if (rect.top >= 0 && rect.bottom <= vh) return;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
}
