/**
 * A live try-out on the welcome page: the first lines of the bundled sample article, with the names the
 * background's matcher finds in them (the very scanText a page's content script asks for) marked as on any page.
 * Resting the pointer on a name, or moving to it with Tab, shows a small card: who it is, in the UI language,
 * and the source that says so. Escape closes it. The page is Dramatis's own, so the names are real buttons
 * (focusable and announced) rather than painted highlights, and every string is rendered as text.
 */
import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { articleBlocks, blockRuns, type Block } from '../core/ui/article-layout.ts';
import type { Article, DatasetPack, Entity } from '../core/dataset/dataset-schema.ts';
import { mentionsOf, type Mention } from '../core/matching/name-matcher.ts';
import { browser } from '../shared/browser.ts';
import { dirOf, t, uiLanguage, type MessageKey } from '../shared/i18n.ts';
import type { ArticleMeta } from '../shared/api/messages.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { loadSettings } from '../shared/settings.ts';

/** How many paragraphs of the article the sample shows, after its headline. */
const PARAGRAPHS = 1;
/** The card stays this long after the pointer leaves the name and the card (as on pages). */
const CLOSE_DELAY_MS = 300;

const TYPE_KEYS: Record<Entity['type'], MessageKey> = {
  person: 'typePerson',
  organisation: 'typeOrganisation',
  media: 'typeMedia',
  place: 'typePlace',
};

interface Sample {
  article: Article;
  blocks: Block[];
  mentions: Mention[];
  entities: ReadonlyMap<string, Entity>;
  articles: ReadonlyMap<string, ArticleMeta>;
}

/** Line breaks end a paragraph: a separator that is a word boundary keeps a name from spanning two (same length). */
const asScanText = (text: string) => text.replace(/[\r\n]/g, '\u0000');

async function loadSample(): Promise<Sample | null> {
  // The sample is the article bundled with the extension; the names come from the installed dataset.
  const pack = (await (await fetch(browser.runtime.getURL('pack.json'))).json()) as DatasetPack;
  const article = pack.articles[0];
  if (!article) return null;
  const lang = article.language === 'en' ? 'en' : 'ar';
  const all = articleBlocks(article.text, { section: article.section[lang], title: article.title[lang] });
  const headline = all.find((b) => b.kind === 'headline');
  const blocks = [...(headline ? [headline] : []), ...all.filter((b) => b.kind === 'paragraph').slice(0, PARAGRAPHS)];
  const inSample = (m: Mention) => blocks.some((b) => m.start >= b.start && m.end <= b.end);
  const mentions = mentionsOf(await sendToBackground('scanText', { text: asScanText(article.text), licensed: [] })).filter(inSample);
  const ids = [...new Set(mentions.map((m) => m.entityId))];
  const found = ids.length > 0 ? await sendToBackground('getEntities', { ids }) : { entities: [], articles: [] };
  return {
    article, blocks, mentions,
    entities: new Map(found.entities.map((e) => [e.id, e])),
    articles: new Map(found.articles.map((a) => [a.id, a])),
  };
}

function SampleCard({ entity, articles, anchor, onPointer }: {
  entity: Entity;
  articles: ReadonlyMap<string, ArticleMeta>;
  anchor: HTMLElement;
  onPointer: (inside: boolean) => void;
}) {
  const lang = uiLanguage();
  const other = lang === 'ar' ? 'en' : 'ar';
  const card = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    void computePosition(anchor, el, { placement: 'bottom', middleware: [offset(8), flip(), shift({ padding: 8 })] }).then(({ x, y }) => {
      el.style.left = `${x}px`;
      el.style.top = `${y}px`;
    });
  }, [anchor, entity.id]);
  const role = entity.roles[0];
  const evidence = role?.evidence[0] ?? entity.affiliations[0]?.evidence[0];
  const source = evidence ? articles.get(evidence.articleId) : undefined;
  return (
    <div ref={card} id="welcome-card" class="welcome-card" role="tooltip" data-entity-id={entity.id} lang={lang} dir={dirOf(lang)}
      onMouseEnter={() => onPointer(true)} onMouseLeave={() => onPointer(false)}>
      <p class="card-name">{entity.name[lang]}</p>
      <p class="card-other"><bdi lang={other} dir={dirOf(other)}>{entity.name[other]}</bdi> · {t(TYPE_KEYS[entity.type])}</p>
      <p>{entity.description[lang]}</p>
      {role && <p class="card-role">{role.title[lang]}</p>}
      {source && <p class="card-source">{t('cardAccordingTo', [source.publisher[lang], source.published])}</p>}
    </div>
  );
}

export function WelcomeSample() {
  const [sample, setSample] = useState<Sample | null | undefined>(undefined);
  const [open, setOpen] = useState<{ entityId: string; anchor: HTMLElement } | null>(null);
  const delay = useRef(150);
  const openTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    loadSample().then(setSample, () => setSample(null));
    void loadSettings().then((s) => (delay.current = s.hoverDelayMs), () => undefined);
  }, []);

  // Escape closes the card (and a card about to open). One listener for the page's life, reading the card open
  // now: a listener added once the card had rendered missed an Escape pressed between the card showing and
  // preact running its effects (seen in CI, under load).
  const current = useRef(open);
  current.current = open;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      clearTimeout(openTimer.current);
      const shown = current.current;
      if (!shown) return;
      setOpen(null);
      shown.anchor.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const show = (entityId: string, anchor: HTMLElement, wait: number) => {
    clearTimeout(closeTimer.current);
    clearTimeout(openTimer.current);
    openTimer.current = setTimeout(() => setOpen({ entityId, anchor }), wait);
  };
  const hide = () => {
    clearTimeout(openTimer.current);
    clearTimeout(closeTimer.current);
    closeTimer.current = setTimeout(() => setOpen(null), CLOSE_DELAY_MS);
  };

  if (sample === undefined) return <p class="status" aria-busy="true">{t('panelLoading')}</p>;
  if (sample === null) return <p class="status">{t('welcomeSampleMissing')}</p>;
  const { article, blocks, mentions, entities, articles } = sample;
  const text = article.text;
  const entity = open ? entities.get(open.entityId) : undefined;
  return (
    <figure class="welcome-sample">
      <blockquote lang={article.language} dir={dirOf(article.language)}>
        {blocks.map((block, b) => (
          <p key={b} class={`block-${block.kind}`}>
            {blockRuns(block, mentions).map((run) => {
              const words = text.slice(run.start, run.end);
              const id = run.entityId;
              const type = id ? entities.get(id)?.type : undefined;
              if (!id || !type) return words;
              return (
                <button type="button" key={run.start} class={`mention type-${type}`} data-entity-id={id}
                  aria-describedby={open?.anchor.dataset.start === String(run.start) ? 'welcome-card' : undefined}
                  data-start={run.start}
                  onMouseEnter={(e) => show(id, e.currentTarget, delay.current)}
                  onMouseLeave={hide}
                  onFocus={(e) => show(id, e.currentTarget, 0)}
                  onBlur={hide}>
                  {words}
                </button>
              );
            })}
          </p>
        ))}
      </blockquote>
      <figcaption class="status">{t('cardAccordingTo', [article.publisher[uiLanguage()], article.published])}</figcaption>
      {open && entity && (
        <SampleCard entity={entity} articles={articles} anchor={open.anchor}
          onPointer={(inside) => (inside ? clearTimeout(closeTimer.current) : hide())} />
      )}
    </figure>
  );
}
