/**
 * The hover card: who an entity is, what the dataset says of it, and where each fact comes from. Every string
 * from the dataset is rendered as text (Preact escapes it); only http(s) URLs become links.
 */
import type { Entity, Evidence } from '../core/dataset-schema.ts';
import { safeHttpUrl } from '../core/text-utils.ts';
import type { ArticleMeta } from '../shared/messages.ts';
import { dirOf, t, type MessageKey } from '../shared/i18n.ts';

export interface CardProps {
  entity: Entity;
  /** The script the name appears in on the page: the card leads with the name in that language. */
  lang: 'ar' | 'en';
  /** Other entities by id (organisations of roles, targets of affiliations), for their names. */
  related: ReadonlyMap<string, Entity>;
  articles: ReadonlyMap<string, ArticleMeta>;
  onClose: () => void;
}

const TYPE_KEYS: Record<Entity['type'], MessageKey> = {
  person: 'typePerson',
  organisation: 'typeOrganisation',
  media: 'typeMedia',
  place: 'typePlace',
};

function Quote({ evidence, articles, lang }: { evidence: Evidence; articles: ReadonlyMap<string, ArticleMeta>; lang: 'ar' | 'en' }) {
  const article = articles.get(evidence.articleId);
  const href = article ? safeHttpUrl(article.url) : undefined;
  return (
    <figure class="quote">
      <blockquote lang="ar" dir="rtl">{evidence.quote}</blockquote>
      {article && (
        <figcaption>
          {t('cardAccordingTo', [article.publisher[lang], article.published])}
          {href && (
            <>
              {' · '}
              <a href={href} target="_blank" rel="noopener noreferrer">{t('cardSource')}</a>
            </>
          )}
        </figcaption>
      )}
    </figure>
  );
}

export function EntityCard({ entity, lang, related, articles, onClose }: CardProps) {
  const other = lang === 'ar' ? 'en' : 'ar';
  const nameOf = (id: string | undefined) => (id ? related.get(id)?.name[lang] ?? id : undefined);
  return (
    <div
      class="card"
      role="dialog"
      aria-label={t('cardLabel', entity.name[lang])}
      lang={lang}
      dir={dirOf(lang)}
      data-entity-id={entity.id}
    >
      <header>
        <div>
          <h2 class="name">{entity.name[lang]}</h2>
          <p class="other-name" lang={other} dir={dirOf(other)}>{entity.name[other]}</p>
        </div>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>×</button>
      </header>
      <p class="type">{t(TYPE_KEYS[entity.type])}</p>
      <p class="description">{entity.description[lang]}</p>
      {entity.roles.length > 0 && (
        <section>
          <h3>{t('cardRoles')}</h3>
          <ul>
            {entity.roles.map((role, i) => (
              <li key={i} class="role">
                <span class="role-title">{role.title[lang]}</span>
                {role.orgId && <span class="role-org"> · {nameOf(role.orgId)}</span>}
                {role.evidence[0] && <Quote evidence={role.evidence[0]} articles={articles} lang={lang} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {entity.affiliations.length > 0 && (
        <section>
          <h3>{t('cardAffiliations')}</h3>
          <ul>
            {entity.affiliations.map((aff, i) => (
              <li key={i} class="affiliation">
                <span class="relation">{aff.relation[lang]}</span> <strong>{nameOf(aff.targetId)}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
