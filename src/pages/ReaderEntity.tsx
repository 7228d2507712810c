/**
 * The entity a reader chose in the article: who it is (with where its description comes from), its own ties and
 * the ties others state about it under headings of their own, and the quotes about it from this article, each of
 * which marks its passage in the text and can be cited. It can hand the entity to the side panel, and stop its
 * highlights on pages ("Don't highlight <name>", with Undo).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Entity, Evidence } from '../core/dataset/dataset-schema.ts';
import { citationText } from '../core/ui/citation.ts';
import { tiesOf, type Tie } from '../core/dataset/entity-graph.ts';
import { labelAround } from '../core/ui/fact-text.ts';
import { formatIsoDate } from '../core/ui/iso-date.ts';
import { browser } from '../shared/browser.ts';
import { dirOf, t, tCount, uiLanguage, type MessageKey } from '../shared/i18n.ts';
import type { ArticleMeta } from '../shared/api/messages.ts';
import type { EntityView } from '../shared/api/panel-api.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { Background } from '../shared/ui/Background.tsx';
import { CopyCitation } from '../shared/ui/CopyCitation.tsx';
import { MuteButton } from '../shared/ui/MuteButton.tsx';
import { Quote } from '../shared/ui/Quote.tsx';
import { paramsQuery } from './reader-params.ts';

const TYPE_KEYS: Record<Entity['type'], MessageKey> = {
  person: 'typePerson',
  organisation: 'typeOrganisation',
  media: 'typeMedia',
  place: 'typePlace',
};

export interface ReaderEntityProps {
  entityId: string;
  article: ArticleMeta;
  /** How many times the article names it. */
  mentionCount: number;
  onShowPassage: (quote: string) => void;
  onSelectEntity: (entityId: string) => void;
  onClose: () => void;
  /** Move focus to the heading when shown (after a user's choice, not on page load). */
  takeFocus: boolean;
}

function TieList({ id, heading, ties, names, articleId, lang, onSelectEntity }: {
  id: string; heading: string; ties: readonly Tie[]; names: ReadonlyMap<string, string>; articleId: string; lang: 'ar' | 'en';
  onSelectEntity: (entityId: string) => void;
}) {
  if (ties.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <ul>
        {ties.map((tie, i) => {
          const link = (
            <a href={paramsQuery({ articleId, entityId: tie.otherId })} onClick={(e) => { e.preventDefault(); onSelectEntity(tie.otherId); }}>
              <bdi>{names.get(tie.otherId) ?? tie.otherId}</bdi>
            </a>
          );
          const label = tie.label[lang];
          const relation = <span class="relation">{label}</span>;
          const date = tie.date ? <> <bdi class="date">{formatIsoDate(tie.date, lang)}</bdi></> : null;
          // "met Bashar al-Assad · November 2020" for its own ties ("Commander of the [Quds Force]" when the label
          // names it already); "Esmail Qaani met" for others' ties to it.
          const around = tie.direction === 'out' ? labelAround(label, names.get(tie.otherId) ?? tie.otherId) : undefined;
          return (
            <li key={i} class={`tie tie-${tie.direction}`} data-entity-id={tie.otherId}>
              {around ? <span class="relation">{around.before}{link}{around.after}</span> : tie.direction === 'out' ? <>{relation} {link}</> : <>{link} {relation}</>}
              {date}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ReaderEntity(props: ReaderEntityProps) {
  const { entityId, article, mentionCount, onShowPassage, onSelectEntity, onClose, takeFocus } = props;
  const lang = uiLanguage();
  const other = lang === 'ar' ? 'en' : 'ar';
  const [view, setView] = useState<EntityView | null | undefined>(undefined);
  const [note, setNote] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setView(undefined);
    sendToBackground('getEntityView', { entityId }).then((v) => live && setView(v), () => live && setView(null));
    return () => {
      live = false;
    };
  }, [entityId]);
  useEffect(() => {
    if (view && takeFocus) heading.current?.focus();
  }, [view, takeFocus]);

  if (view === undefined) return <aside class="entity" aria-busy="true"><p class="status">{t('panelLoading')}</p></aside>;
  if (view === null) {
    return (
      <aside class="entity">
        <p class="status">{t('panelNotFound')}</p>
        <button type="button" onClick={onClose}>{t('cardClose')}</button>
      </aside>
    );
  }
  const { entity, related } = view;
  const name = entity.name[lang];
  const names = new Map(related.map((e) => [e.id, e.name[lang]]));
  const ties = tiesOf(entity, related);
  // Quotes from this article, each once: the ones the reader can jump to.
  const quotes: Evidence[] = [];
  for (const ev of [...entity.roles.flatMap((r) => r.evidence), ...ties.flatMap((x) => x.evidence)]) {
    if (ev.articleId === article.id && !quotes.some((q) => q.quote === ev.quote)) quotes.push(ev);
  }

  const showInPanel = () => {
    // Firefox opens its sidebar only from an input handler inside the extension, which this is; Chrome opens
    // the side panel in the background's answer to the request (the click's gesture carries over).
    const sidebar = (browser as unknown as { sidebarAction?: { open?: () => Promise<void> } }).sidebarAction;
    void sidebar?.open?.().catch(() => undefined);
    sendToBackground('openSidePanel', { entityId }).then(
      ({ opened }) => setNote(opened || sidebar?.open ? '' : t('readerPanelHint')),
      () => setNote(t('readerPanelHint')),
    );
  };
  return (
    <aside class="entity" aria-labelledby="reader-entity-name" data-entity-id={entity.id} lang={lang} dir={dirOf(lang)}>
      <div class="entity-head">
        <h2 id="reader-entity-name" tabIndex={-1} ref={heading}><bdi>{name}</bdi></h2>
        <button type="button" class="close" onClick={onClose} aria-label={t('readerCloseEntity', name)}>
          {t('cardClose')}
        </button>
      </div>
      <p class="subtitle">
        <bdi class="other-name" lang={other} dir={dirOf(other)}>{entity.name[other]}</bdi>
        <span class="type"> · {t(TYPE_KEYS[entity.type])} · {tCount('panelMentions', mentionCount)}</span>
      </p>
      <p class="description">{entity.description[lang]}</p>
      <Background source={entity.descriptionSource} lang={lang} />
      <TieList id="reader-ties-out" heading={t('panelTiesOut')} ties={ties.filter((x) => x.direction === 'out')} names={names} articleId={article.id} lang={lang} onSelectEntity={onSelectEntity} />
      <TieList id="reader-ties-in" heading={t('panelTiesIn')} ties={ties.filter((x) => x.direction === 'in')} names={names} articleId={article.id} lang={lang} onSelectEntity={onSelectEntity} />
      {quotes.length > 0 && (
        <section aria-labelledby="reader-quotes">
          <h3 id="reader-quotes">{t('readerQuotesHere')}</h3>
          <ul>
            {quotes.map((q) => (
              <li key={q.quote} class="quote-item">
                <Quote evidence={q} article={article} lang={lang} bare>
                  <span class="quote-actions">
                    <button type="button" class="show-passage" onClick={() => onShowPassage(q.quote)}>{t('actionReadPassage')}</button>
                    <CopyCitation text={() => citationText(article, q, lang, { quote: t('citationQuote') })} />
                  </span>
                </Quote>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="entity-actions">
        <button type="button" class="to-panel" onClick={showInPanel}>{t('actionMoreInPanel')}</button>
        <MuteButton entityId={entity.id} name={name} />
      </div>
      {note && <p class="status" role="status">{note}</p>}
    </aside>
  );
}
