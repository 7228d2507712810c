/**
 * The entity a reader chose in the article: who it is, its roles and ties both ways, and the quotes about it
 * from this article, each of which marks its passage in the text. It can hand the entity to the side panel.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Entity } from '../core/dataset-schema.ts';
import { tiesOf } from '../core/entity-graph.ts';
import { browser } from '../shared/browser.ts';
import { dirOf, t, tCount, uiLanguage, type MessageKey } from '../shared/i18n.ts';
import type { EntityView } from '../shared/panel-api.ts';
import { sendToBackground } from '../shared/send.ts';
import { paramsQuery } from './reader-params.ts';

const TYPE_KEYS: Record<Entity['type'], MessageKey> = {
  person: 'typePerson',
  organisation: 'typeOrganisation',
  media: 'typeMedia',
  place: 'typePlace',
};

export interface ReaderEntityProps {
  entityId: string;
  articleId: string;
  articleLang: 'ar' | 'en' | 'fa';
  /** How many times the article names it. */
  mentionCount: number;
  onShowPassage: (quote: string) => void;
  onSelectEntity: (entityId: string) => void;
  onClose: () => void;
  /** Move focus to the heading when shown (after a user's choice, not on page load). */
  takeFocus: boolean;
}

export function ReaderEntity(props: ReaderEntityProps) {
  const { entityId, articleId, articleLang, mentionCount, onShowPassage, onSelectEntity, onClose, takeFocus } = props;
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
  const names = new Map(related.map((e) => [e.id, e.name[lang]]));
  const ties = tiesOf(entity, related);
  // Quotes from this article, each once: the ones the reader can jump to.
  const quotes = [...new Set(ties.flatMap((x) => x.evidence).concat(entity.roles.flatMap((r) => r.evidence))
    .filter((ev) => ev.articleId === articleId).map((ev) => ev.quote))];

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
        <h2 id="reader-entity-name" tabIndex={-1} ref={heading}>{entity.name[lang]}</h2>
        <button type="button" class="close" onClick={onClose} aria-label={t('readerCloseEntity', entity.name[lang])}>
          {t('cardClose')}
        </button>
      </div>
      <p class="other-name"><bdi lang={other} dir={dirOf(other)}>{entity.name[other]}</bdi></p>
      <p class="type">{t(TYPE_KEYS[entity.type])} · {tCount('panelMentions', mentionCount)}</p>
      <p>{entity.description[lang]}</p>
      {ties.length > 0 && (
        <section aria-labelledby="reader-ties">
          <h3 id="reader-ties">{t('cardAffiliations')}</h3>
          <ul>
            {ties.map((tie, i) => {
              const link = (
                <a href={paramsQuery({ articleId, entityId: tie.otherId })}
                  onClick={(e) => { e.preventDefault(); onSelectEntity(tie.otherId); }}>
                  {names.get(tie.otherId) ?? tie.otherId}
                </a>
              );
              const relation = <span class="relation">{tie.label[lang]}</span>;
              // "met · Bashar al-Assad" for its own ties; "Esmail Qaani · Commander of …" for others' ties to it.
              return (
                <li key={i} class={`tie tie-${tie.direction}`}>
                  {tie.direction === 'out' ? <>{relation} · {link}</> : <>{link} · {relation}</>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {quotes.length > 0 && (
        <section aria-labelledby="reader-quotes">
          <h3 id="reader-quotes">{t('readerQuotesHere')}</h3>
          <ul>
            {quotes.map((q) => (
              <li key={q} class="quote">
                <blockquote lang={articleLang} dir="auto">{q}</blockquote>
                <button type="button" onClick={() => onShowPassage(q)}>{t('readerShowPassage')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <button type="button" class="to-panel" onClick={showInPanel}>{t('cardShowInPanel')}</button>
      {note && <p class="status" role="status">{note}</p>}
    </aside>
  );
}
