/**
 * Whether Dramatis runs on this page, following the user's settings live: it starts when the extension and
 * the site are enabled, stops cleanly when either is turned off (highlights, listeners and the card removed),
 * applies style, hover delay, shown types and muted entities to the running page as they change, and rescans
 * when a new dataset is installed (storage.local[DATASET_STAMP_KEY] rewritten). Also answers the background's
 * requests about this page: its mentions, its status for the toolbar badge, and the keyboard commands (open a
 * card; turn Dramatis off and on for this page alone, until it is reloaded).
 */
import { browser } from '../shared/browser.ts';
import { listen } from '../shared/api/listen.ts';
import type { PageState } from '../core/ui/toolbar-state.ts';
import { CONTENT_ACCESS, CONTENT_PARAMS, type ContentApi, type Handlers } from '../shared/api/messages.ts';
import { announcePageMentionsChanged } from '../shared/api/send.ts';
import { DATASET_STAMP_KEY } from '../shared/storage-keys.ts';
import { DEFAULT_SETTINGS, isActiveOn, loadSettings, watchSettings, type Settings } from '../shared/settings.ts';
import { guarded } from './guard.ts';
import { PageSession } from './page-session.ts';
import { createRevealMention } from './paint/reveal-mention.ts';

export class ContentSession {
  private session: PageSession | null = null;
  private settings: Settings = { ...DEFAULT_SETTINGS };
  /** Turned off for this page by the "toggle highlights" command: lives as long as the document. */
  private offHere = false;
  /** Settles once the stored settings have been read (and the page scan started, if it runs here). */
  private readonly ready: Promise<void>;

  constructor() {
    watchSettings(guarded((s: Settings) => this.apply(s)));
    browser.storage.onChanged.addListener(guarded((changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && DATASET_STAMP_KEY in changes) this.session?.datasetChanged();
    }));
    const handlers: Handlers<ContentApi> = {
      collectMentions: async () => {
        await this.ready;
        return { url: location.href, mentions: (await this.session?.summary()) ?? [] };
      },
      revealMention: createRevealMention(() => this.session ?? null),
      pageStatus: async () => {
        await this.ready;
        return { state: this.state(), entities: (await this.session?.shownEntityCount()) ?? 0, site: location.hostname.toLowerCase() };
      },
      openCard: async () => {
        await this.ready;
        return { opened: this.session?.openFromKeyboard() ?? false };
      },
      setPageActive: async ({ active }) => {
        await this.ready;
        this.offHere = active !== undefined ? !active : !this.offHere;
        this.apply(this.settings);
        return { active: !this.offHere };
      },
    };
    listen(handlers, CONTENT_ACCESS, CONTENT_PARAMS);
    this.ready = loadSettings().then(
      (s) => this.apply(s),
      (err: unknown) => console.debug('Dramatis: settings unavailable', err),
    );
  }

  private state(): PageState {
    if (!this.settings.enabled) return 'paused';
    if (!isActiveOn(this.settings, location.hostname)) return 'siteOff';
    return this.offHere ? 'pageOff' : 'on';
  }

  private apply(settings: Settings): void {
    this.settings = settings;
    // The toolbar badge follows the top frame's state (the background asks it again).
    if (window === window.top) announcePageMentionsChanged();
    const active = this.state() === 'on';
    if (!active) {
      this.session?.stop();
      this.session = null;
    } else if (this.session) {
      this.session.applySettings(settings);
    } else {
      this.session = new PageSession(this.settings, () => this.onContextLost());
    }
  }

  /** The extension was reloaded or removed under this page: nothing can be looked up any more. */
  private onContextLost(): void {
    this.session?.stop();
    this.session = null;
  }
}
