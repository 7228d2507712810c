/**
 * One entity in full: what the hover card shows (names, type, description and its source, roles, ties), plus
 * the ties others state about it and a graph of all its ties. Every quote about it sits under the fact it
 * supports, the first shown and the others collapsed (FactQuotes); a tie others state with the very quotes of
 * one of its own (a meeting stored on both sides) doesn't repeat them. Entities it is tied to open in place; Back
 * returns to where the user came from. "Don't highlight <name>" is a toggle, confirmed by a toast with Undo.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Entity, Evidence } from '../core/dataset/dataset-schema.ts';
import { tiesOf, type Tie } from '../core/dataset/entity-graph.ts';
import { labelAround } from '../core/ui/fact-text.ts';
import { formatIsoDate } from '../core/ui/iso-date.ts';
import type { ArticleMeta } from '../shared/api/messages.ts';
import type { EntityView as View } from '../shared/api/panel-api.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { dirOf, isolated, t } from '../shared/i18n.ts';
import { Background } from '../shared/ui/Background.tsx';
import { MuteButton } from '../shared/ui/MuteButton.tsx';
import { AffiliationGraph } from './AffiliationGraph.tsx';
import { FactQuotes, distinctEvidence } from './FactQuotes.tsx';
import { OTHER_LANG, TYPE_KEYS, UI_LANG, inUi } from './entity-text.ts';

type Loaded = { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; message: string } | { kind: 'ready'; view: View };

export interface EntityViewProps {
  entityId: string;
  onOpenEntity: (entityId: string) => void;
  onBack: () => void;
}

interface ListedTie extends Tie {
  /** The quotes to show under it (none when another fact of the view shows the same). */
  quotes: Evidence[];
}

function TieList({ ties, related, articles, entityId, onOpenEntity, heading, id }: {
  ties: readonly ListedTie[]; related: ReadonlyMap<string, Entity>; articles: ReadonlyMap<string, ArticleMeta>; entityId: string;
  onOpenEntity: (id: string) => void; heading: string; id: string;
}) {
  if (ties.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <ul class="ties">
        {ties.map((tie, i) => {
          const other = related.get(tie.otherId);
          const name = other ? (
            <button type="button" class="link" onClick={() => onOpenEntity(tie.otherId)}><bdi>{inUi(other.name)}</bdi></button>
          ) : (
            <bdi>{tie.otherId}</bdi>
          );
          const date = tie.date ? <> <bdi class="date">{formatIsoDate(tie.date, UI_LANG)}</bdi></> : null;
          return (
            // "met Bashar al-Assad · November 2020" for its own ties; "Esmail Qaani met" for others' ties to it.
            <li key={i} class={`tie tie-${tie.direction}`} data-entity-id={tie.otherId}>
              <p class="tie-line">
                <TieText tie={tie} name={name} otherName={other ? inUi(other.name) : tie.otherId} />
                {date}
              </p>
              <FactQuotes evidence={tie.quotes} articles={articles} entityId={entityId} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * "met [Bashar al-Assad]" for its own ties, "Commander of the [Quds Force]" when the label names the other
 * entity already; "[Esmail Qaani] met" for others' ties to it.
 */
function TieText({ tie, name, otherName }: { tie: Tie; name: preact.ComponentChild; otherName: string }) {
  const label = inUi(tie.label);
  if (tie.direction === 'in') return <>{name} <span class="relation">{label}</span></>;
  const around = labelAround(label, otherName);
  if (around) return <span class="relation">{around.before}{name}{around.after}</span>;
  return <><span class="relation">{label}</span> {name}</>;
}

/** Its ties, then others', each with the quotes no earlier fact of the view shows. */
function listTies(ties: readonly Tie[]): ListedTie[] {
  const shown = new Set<string>();
  const keyOf = (ev: Evidence) => `${ev.articleId}|${ev.quote}`;
  return [...ties.filter((x) => x.direction === 'out'), ...ties.filter((x) => x.direction === 'in')].map((tie) => {
    const evidence = distinctEvidence(tie.evidence);
    const repeats = tie.direction === 'in' && evidence.every((ev) => shown.has(keyOf(ev)));
    for (const ev of evidence) shown.add(keyOf(ev));
    return { ...tie, quotes: repeats ? [] : evidence };
  });
}

export function EntityView({ entityId, onOpenEntity, onBack }: EntityViewProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setLoaded({ kind: 'loading' });
    sendToBackground('getEntityView', { entityId }).then(
      (view) => live && setLoaded(view ? { kind: 'ready', view } : { kind: 'missing' }),
      (err: unknown) => live && setLoaded({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [entityId]);

  // A screen reader user who opened an entity lands on its name, not on the Back button they just left.
  useEffect(() => {
    if (loaded.kind === 'ready') heading.current?.focus();
  }, [loaded]);

  const back = (
    <button type="button" class="back" onClick={onBack}>{t('panelBack')}</button>
  );
  if (loaded.kind !== 'ready') {
    return (
      <div class="entity-view" aria-busy={loaded.kind === 'loading'}>
        {back}
        <p class="status" role="status">
          {loaded.kind === 'loading' ? t('panelLoading') : loaded.kind === 'missing' ? t('panelNotFound') : t('panelError', isolated(loaded.message))}
        </p>
      </div>
    );
  }

  const { entity, related: relatedList } = loaded.view;
  const related = new Map(relatedList.map((e) => [e.id, e]));
  const articles = new Map(loaded.view.articles.map((a) => [a.id, a]));
  const ties = tiesOf(entity, relatedList);
  const listed = listTies(ties);
  const plainRoles = entity.roles.filter((r) => !r.orgId);
  const name = inUi(entity.name);
  return (
    <article class="entity-view" data-entity-id={entity.id} aria-labelledby="entity-name">
      {back}
      <header>
        <h2 id="entity-name" tabIndex={-1} ref={heading}><bdi>{name}</bdi></h2>
        <p class="subtitle">
          <bdi class="other-name" lang={OTHER_LANG} dir={dirOf(OTHER_LANG)}>{entity.name[OTHER_LANG]}</bdi>
          <span class="type"> · {t(TYPE_KEYS[entity.type])}</span>
        </p>
      </header>
      <p class="description">{inUi(entity.description)}</p>
      <Background source={entity.descriptionSource} lang={UI_LANG} />
      <MuteButton entityId={entity.id} name={name} />
      {plainRoles.length > 0 && (
        <section aria-labelledby="roles-heading">
          <h3 id="roles-heading">{t('cardRoles')}</h3>
          <ul>
            {plainRoles.map((r, i) => (
              <li key={i} class="role">
                <p class="tie-line">{inUi(r.title)}</p>
                <FactQuotes evidence={distinctEvidence(r.evidence)} articles={articles} entityId={entity.id} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <TieList id="ties-out" heading={t('panelTiesOut')} ties={listed.filter((x) => x.direction === 'out')} related={related} articles={articles} entityId={entity.id} onOpenEntity={onOpenEntity} />
      <TieList id="ties-in" heading={t('panelTiesIn')} ties={listed.filter((x) => x.direction === 'in')} related={related} articles={articles} entityId={entity.id} onOpenEntity={onOpenEntity} />
      <AffiliationGraph entity={entity} ties={ties} related={related} onOpenEntity={onOpenEntity} />
    </article>
  );
}
