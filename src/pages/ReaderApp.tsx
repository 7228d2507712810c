/**
 * The article reader: a bundled source article, laid out right to left, with the names the matcher finds in it
 * linked to their entities, and the passage a link points at (`quote`) scrolled into view and marked. Opened
 * by PanelApi.openReader as reader.html?article=&quote=&entity=; with no article named, it lists the dataset's
 * articles to choose from (ReaderArticles).
 *
 * Names are marked quietly, as pages are in the default style (an underline per type); only the entity shown
 * beside the text and the quoted passage are tinted.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { articleBlocks, findPassage } from '../core/ui/article-layout.ts';
import type { Article, Entity } from '../core/dataset/dataset-schema.ts';
import { mentionsOf } from '../core/matching/name-matcher.ts';
import { citationText } from '../core/ui/citation.ts';
import { formatIsoDate } from '../core/ui/iso-date.ts';
import { safeHttpUrl } from '../core/ui/safe-url.ts';
import { isolated, t, uiLanguage } from '../shared/i18n.ts';
import { CopyCitation } from '../shared/ui/CopyCitation.tsx';
import { Msg } from '../shared/ui/Msg.tsx';
import type { Mention } from '../shared/api/messages.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { ArticleText } from './ArticleText.tsx';
import { ReaderArticles } from './ReaderArticles.tsx';
import { ReaderEntity } from './ReaderEntity.tsx';
import { paramsQuery, readParams, type ReaderParams } from './reader-params.ts';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; article: Article; mentions: Mention[]; entities: ReadonlyMap<string, Entity> };

/** Line breaks end a paragraph: a separator that is a word boundary keeps a name from spanning two (same length). */
const asScanText = (text: string) => text.replace(/[\r\n]/g, '\u0000');

async function load(articleId: string): Promise<Loaded> {
  const article = await sendToBackground('getArticle', { articleId });
  if (!article) return { kind: 'error', message: t('readerNotFound', isolated(articleId)) };
  const mentions = mentionsOf(await sendToBackground('scanText', { text: asScanText(article.text), licensed: [] }));
  const ids = [...new Set(mentions.map((m) => m.entityId))];
  const { entities } = ids.length > 0 ? await sendToBackground('getEntities', { ids }) : { entities: [] };
  return { kind: 'ready', article, mentions, entities: new Map(entities.map((e) => [e.id, e])) };
}

export function ReaderApp() {
  const [params, setParams] = useState<ReaderParams>(() => readParams(location.search));
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  /** Set by a user's choice, so the entity panel takes focus then, but not when the page opens. */
  const [chosen, setChosen] = useState(false);
  const [status, setStatus] = useState('');
  const returnTo = useRef<HTMLElement | null>(null);
  const lang = uiLanguage();

  useEffect(() => {
    if (!params.articleId) return setLoaded({ kind: 'none' });
    load(params.articleId).then(setLoaded, (err: unknown) =>
      setLoaded({ kind: 'error', message: t('panelError', err instanceof Error ? err.message : String(err)) }),
    );
  }, [params.articleId]);

  const article = loaded.kind === 'ready' ? loaded.article : undefined;
  const articleLang = article?.language === 'en' ? 'en' : 'ar';
  const blocks = useMemo(
    () => (article ? articleBlocks(article.text, { section: article.section[articleLang], title: article.title[articleLang] }) : []),
    [article],
  );
  const passage = useMemo(() => (article && params.quote ? findPassage(article.text, params.quote) : undefined), [article, params.quote]);

  // The address always says what is shown, so a reload or a shared link shows the same.
  const update = (next: ReaderParams) => {
    setParams(next);
    history.replaceState(null, '', paramsQuery(next));
  };

  useEffect(() => {
    if (!article) return;
    document.title = `${isolated(article.title[lang])} · ${t('extName')}`;
    if (!params.quote) return setStatus('');
    if (!passage) return setStatus(t('readerPassageMissing'));
    setStatus(t('readerPassageMarked'));
    const mark = document.querySelector<HTMLElement>('mark.passage');
    mark?.scrollIntoView({ block: 'center' });
  }, [article, passage, params.quote]);

  if (loaded.kind === 'none') return <ReaderArticles />;
  if (loaded.kind !== 'ready') {
    return (
      <main class="reader" aria-busy={loaded.kind === 'loading'}>
        <p class={loaded.kind === 'error' ? 'error' : 'status'} role={loaded.kind === 'error' ? 'alert' : 'status'}>
          {loaded.kind === 'error' ? loaded.message : t('panelLoading')}
        </p>
      </main>
    );
  }

  const { mentions, entities } = loaded;
  const original = safeHttpUrl(loaded.article.url);
  const select = (entityId: string, from?: HTMLElement) => {
    returnTo.current = from ?? null;
    setChosen(true);
    update({ ...params, entityId });
  };
  const close = () => {
    update({ ...params, entityId: undefined });
    returnTo.current?.focus();
  };

  return (
    <div class="layout">
      <header class="bar">
        <p class="brand">{t('extName')} · {t('readerTitle')}</p>
        <p class="meta">
          <Msg k="cardAccordingTo" args={[loaded.article.publisher[lang], formatIsoDate(loaded.article.published, lang)]} />
          {original && (
            <>
              {' · '}
              <a href={original} target="_blank" rel="noopener noreferrer">{t('actionOriginal')}</a>
            </>
          )}
        </p>
        <p class="status" role="status">{status}</p>
        {passage && params.quote && (
          <p class="passage-actions">
            <CopyCitation text={() => citationText(loaded.article, { quote: params.quote! }, lang, { quote: t('citationQuote') })} />
          </p>
        )}
      </header>
      <main class="reader">
        <ArticleText
          articleId={loaded.article.id}
          text={loaded.article.text}
          lang={loaded.article.language}
          blocks={blocks}
          mentions={mentions}
          entities={entities}
          passage={passage}
          selected={params.entityId}
          onSelect={select}
        />
      </main>
      {params.entityId && (
        <ReaderEntity
          entityId={params.entityId}
          article={loaded.article}
          mentionCount={mentions.filter((m) => m.entityId === params.entityId).length}
          onShowPassage={(quote) => update({ ...params, quote })}
          onSelectEntity={(id) => select(id)}
          onClose={close}
          takeFocus={chosen}
        />
      )}
    </div>
  );
}
