/**
 * One entity in full: what the hover card shows (names, type, description, roles, ties), plus the ties others
 * state about it, a graph of all its ties, and every article and quote about it. Entities it is tied to open
 * in place; Back returns to where the user came from.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Entity } from '../core/dataset-schema.ts';
import { tiesOf, type Tie } from '../core/entity-graph.ts';
import type { EntityView as View } from '../shared/panel-api.ts';
import { sendToBackground } from '../shared/send.ts';
import { updateSettings, watchSettings, loadSettings } from '../shared/settings.ts';
import { dirOf, isolate, t } from '../shared/i18n.ts';
import { AffiliationGraph } from './AffiliationGraph.tsx';
import { EntitySources } from './EntitySources.tsx';
import { OTHER_LANG, TYPE_KEYS, inUi } from './entity-text.ts';

type Loaded = { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; message: string } | { kind: 'ready'; view: View };

export interface EntityViewProps {
  entityId: string;
  onOpenEntity: (entityId: string) => void;
  onBack: () => void;
}

function useMuted(entityId: string): [boolean, (muted: boolean) => void] {
  const [muted, setMuted] = useState(false);
  useEffect(() => {
    void loadSettings().then((s) => setMuted(s.mutedEntities.includes(entityId)));
    return watchSettings((s) => setMuted(s.mutedEntities.includes(entityId)));
  }, [entityId]);
  const set = (on: boolean) =>
    void updateSettings((s) => ({
      mutedEntities: on ? [...new Set([...s.mutedEntities, entityId])] : s.mutedEntities.filter((id) => id !== entityId),
    }));
  return [muted, set];
}

function TieList({ ties, related, onOpenEntity, heading, id }: {
  ties: readonly Tie[]; related: ReadonlyMap<string, Entity>; onOpenEntity: (id: string) => void; heading: string; id: string;
}) {
  if (ties.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <ul class="ties">
        {ties.map((tie, i) => {
          const other = related.get(tie.otherId);
          return (
            <li key={i} class={`tie tie-${tie.direction}`} data-entity-id={tie.otherId}>
              {/* "met · Bashar al-Assad" for its own ties; "Esmail Qaani · Commander of …" for others' ties to it. */}
              {tie.direction === 'out' && <><span class="relation">{inUi(tie.label)}</span> · </>}
              {other ? (
                <button type="button" class="link" onClick={() => onOpenEntity(tie.otherId)}>{inUi(other.name)}</button>
              ) : (
                <span>{tie.otherId}</span>
              )}
              {tie.direction === 'in' && <> · <span class="relation">{inUi(tie.label)}</span></>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function EntityView({ entityId, onOpenEntity, onBack }: EntityViewProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [muted, setMuted] = useMuted(entityId);
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
          {loaded.kind === 'loading' ? t('panelLoading') : loaded.kind === 'missing' ? t('panelNotFound') : t('panelError', isolate(loaded.message))}
        </p>
      </div>
    );
  }

  const { entity, related: relatedList, articles } = loaded.view;
  const related = new Map(relatedList.map((e) => [e.id, e]));
  const ties = tiesOf(entity, relatedList);
  const plainRoles = entity.roles.filter((r) => !r.orgId);
  return (
    <article class="entity-view" data-entity-id={entity.id} aria-labelledby="entity-name">
      {back}
      <header>
        <h2 id="entity-name" tabIndex={-1} ref={heading}>{inUi(entity.name)}</h2>
        <p class="other-name"><bdi lang={OTHER_LANG} dir={dirOf(OTHER_LANG)}>{entity.name[OTHER_LANG]}</bdi></p>
        <p class="type">{t(TYPE_KEYS[entity.type])}</p>
      </header>
      <p class="description">{inUi(entity.description)}</p>
      <button type="button" class="mute" aria-pressed={muted} onClick={() => setMuted(!muted)}>
        {t('panelMuteEntity')}
      </button>
      {plainRoles.length > 0 && (
        <section aria-labelledby="roles-heading">
          <h3 id="roles-heading">{t('cardRoles')}</h3>
          <ul>{plainRoles.map((r, i) => <li key={i} class="role">{inUi(r.title)}</li>)}</ul>
        </section>
      )}
      <TieList id="ties-out" heading={t('panelTiesOut')} ties={ties.filter((x) => x.direction === 'out')} related={related} onOpenEntity={onOpenEntity} />
      <TieList id="ties-in" heading={t('panelTiesIn')} ties={ties.filter((x) => x.direction === 'in')} related={related} onOpenEntity={onOpenEntity} />
      <AffiliationGraph entity={entity} ties={ties} related={related} onOpenEntity={onOpenEntity} />
      <EntitySources entity={entity} ties={ties} articles={articles} related={related} />
    </article>
  );
}
