/**
 * Content script entry, on every http(s) page and frame. It must never break the page: every path is guarded,
 * nothing is thrown into the page, and the only DOM it adds is the card's shadow host.
 */
import { isArabicScript } from '../core/text-utils.ts';
import type { ContentApi, Handlers } from '../shared/messages.ts';
import { listen } from '../shared/listen.ts';
import { CardHost } from './card-host.ts';
import { watchHover } from './hover.ts';
import { PageMentionIndex } from './page-mentions.ts';
import { scanPage, type ScanOutcome } from './page-scan.ts';

const MARK = '__dramatisContentLoaded';

function start(): void {
  let outcome: ScanOutcome = { index: new PageMentionIndex(), entities: new Map(), articles: new Map() };
  const card = new CardHost();
  const scanned = scanPage(document.body ?? document.documentElement).then(
    (o) => { outcome = o; },
    (err: unknown) => { console.debug('Dramatis: scan failed', err); },
  );

  const handlers: Handlers<ContentApi> = {
    async collectMentions() {
      await scanned;
      return { url: location.href, mentions: outcome.index.summary(outcome.entities) };
    },
  };
  listen(handlers);

  watchHover(() => outcome.index, {
    open(mention) {
      const entity = outcome.entities.get(mention.entityId);
      if (!entity) return;
      const rects = mention.range.getClientRects();
      const anchor = rects[0] ?? mention.range.getBoundingClientRect();
      card.show(
        {
          entity,
          lang: isArabicScript(mention.surface) ? 'ar' : 'en',
          related: outcome.entities,
          articles: outcome.articles,
          onClose: () => card.hide(),
        },
        anchor,
      );
    },
    close: () => card.hide(),
    isInCard: (e) => card.contains(e),
  });
}

// A second injection (extension reload, a frame re-run) must not double the listeners.
const flags = globalThis as unknown as Record<string, boolean>;
if (!flags[MARK]) {
  flags[MARK] = true;
  try {
    start();
  } catch (err) {
    console.debug('Dramatis: content script could not start', err);
  }
}
