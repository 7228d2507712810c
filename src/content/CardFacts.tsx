/**
 * What the dataset says of an entity: its roles (with the organisation, and the quote that supports each) and
 * its ties to other entities. Every named entity is a button that opens that entity's card in place.
 */
import type { Entity } from '../core/dataset-schema.ts';
import type { ArticleMeta } from '../shared/messages.ts';
import { t } from '../shared/i18n.ts';
import { CardEvidence } from './CardEvidence.tsx';
import { UiText, type CardLangs } from './card-langs.tsx';

export interface FactsProps {
  entity: Entity;
  related: ReadonlyMap<string, Entity>;
  articles: ReadonlyMap<string, ArticleMeta>;
  langs: CardLangs;
  onOpenEntity: (id: string) => void;
  onOpenReader: (articleId: string, quote: string) => void;
}

function EntityLink({ id, related, langs, onOpenEntity }: { id: string; related: ReadonlyMap<string, Entity>; langs: CardLangs; onOpenEntity: (id: string) => void }) {
  const target = related.get(id);
  // An id the dataset no longer has is shown as it is, not linked.
  if (!target) return <span class="entity-ref">{id}</span>;
  return (
    <button type="button" class="link-button entity-ref" data-entity-id={id} onClick={() => onOpenEntity(id)}>
      {target.name[langs.content]}
    </button>
  );
}

export function CardFacts({ entity, related, articles, langs, onOpenEntity, onOpenReader }: FactsProps) {
  return (
    <>
      {entity.roles.length > 0 && (
        <section aria-labelledby="dramatis-roles">
          <h3 id="dramatis-roles"><UiText langs={langs}>{t('cardRoles')}</UiText></h3>
          <ul>
            {entity.roles.map((role, i) => (
              <li key={i} class="role">
                <bdi class="role-title">{role.title[langs.content]}</bdi>
                {role.orgId && (
                  <>
                    {' · '}
                    <EntityLink id={role.orgId} related={related} langs={langs} onOpenEntity={onOpenEntity} />
                  </>
                )}
                {role.evidence[0] && (
                  <CardEvidence evidence={role.evidence[0]} article={articles.get(role.evidence[0].articleId)} langs={langs} onOpenReader={onOpenReader} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {entity.affiliations.length > 0 && (
        <section aria-labelledby="dramatis-ties">
          <h3 id="dramatis-ties"><UiText langs={langs}>{t('cardAffiliations')}</UiText></h3>
          <ul>
            {entity.affiliations.map((aff, i) => (
              <li key={i} class="affiliation">
                <bdi class="relation">{aff.relation[langs.content]}</bdi>{' '}
                <EntityLink id={aff.targetId} related={related} langs={langs} onOpenEntity={onOpenEntity} />
                {aff.evidence[0] && (
                  <details>
                    <summary><UiText langs={langs}>{t('cardEvidence')}</UiText></summary>
                    <CardEvidence evidence={aff.evidence[0]} article={articles.get(aff.evidence[0].articleId)} langs={langs} onOpenReader={onOpenReader} />
                  </details>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
