/**
 * What the dataset says of an entity, on the card: up to MAX_FACTS roles and MAX_FACTS ties, each one line that
 * reads as a sentence in the card's language (the verb, then the linked entity, then the date, muted), with its
 * source behind a small icon button at the line's end: it opens the quote under the line. What doesn't fit is
 * counted, and the side panel has all of it. Every name and date is isolated (<bdi>), every named entity is a
 * button that opens that entity's card in place.
 */
import { useState } from 'preact/hooks';
import type { Affiliation, Bilingual, Entity, Role } from '../../core/dataset/dataset-schema.ts';
import { labelAround } from '../../core/ui/fact-text.ts';
import { formatIsoDate } from '../../core/ui/iso-date.ts';
import type { ArticleMeta } from '../../shared/api/messages.ts';
import { t, tCount } from '../../shared/i18n.ts';
import { CardEvidence } from './CardEvidence.tsx';

/** Roles, and ties, shown on the card at most (the side panel shows them all). */
export const MAX_FACTS = 3;

export interface FactsProps {
  entity: Entity;
  related: ReadonlyMap<string, Entity>;
  articles: ReadonlyMap<string, ArticleMeta>;
  lang: 'ar' | 'en';
  onOpenEntity: (id: string) => void;
  onOpenReader: (articleId: string, quote: string) => void;
}

function EntityLink({ id, related, lang, onOpenEntity }: { id: string; related: ReadonlyMap<string, Entity>; lang: 'ar' | 'en'; onOpenEntity: (id: string) => void }) {
  const target = related.get(id);
  // An id the dataset no longer has is shown as it is, not linked.
  if (!target) return <bdi class="entity-ref">{id}</bdi>;
  return (
    <button type="button" class="link-button entity-ref" data-entity-id={id} onClick={() => onOpenEntity(id)}>
      <bdi>{target.name[lang]}</bdi>
    </button>
  );
}

/** "Commander of the [Quds Force]": the organisation linked where the title names it, else after it. */
function RoleText({ role, related, lang, onOpenEntity }: { role: Role; related: ReadonlyMap<string, Entity>; lang: 'ar' | 'en'; onOpenEntity: (id: string) => void }) {
  const title = role.title[lang];
  const org = role.orgId ? related.get(role.orgId) : undefined;
  const link = role.orgId ? <EntityLink id={role.orgId} related={related} lang={lang} onOpenEntity={onOpenEntity} /> : null;
  const around = org ? labelAround(title, org.name[lang]) : undefined;
  if (around) return <span class="role-title">{around.before}{link}{around.after}</span>;
  return <span class="role-title">{title}{link && <> · {link}</>}</span>;
}

function dateOf(start: string | undefined, end: string | undefined, lang: 'ar' | 'en'): string | undefined {
  if (start && end) return `${formatIsoDate(start, lang)} – ${formatIsoDate(end, lang)}`;
  const one = start ?? end;
  return one ? formatIsoDate(one, lang) : undefined;
}

interface FactRow {
  key: string;
  /** The line as plain text, for the source button's accessible name. */
  plain: string;
  text: preact.ComponentChildren;
  date: string | undefined;
  evidence: Role['evidence'];
  targetId: string | undefined;
}

function Fact({ row, articles, lang, open, onToggle, onOpenReader }: {
  row: FactRow; articles: ReadonlyMap<string, ArticleMeta>; lang: 'ar' | 'en'; open: boolean; onToggle: () => void;
  onOpenReader: (articleId: string, quote: string) => void;
}) {
  const panelId = `dramatis-src-${row.key}`;
  const first = row.evidence[0];
  return (
    <li class="fact" data-entity-id={row.targetId ?? ''}>
      <div class="fact-line">
        <span class="fact-text">
          {row.text}
          {row.date && <> <bdi class="date">{row.date}</bdi></>}
        </span>
        {first && (
          <button
            type="button"
            class="source-toggle"
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            aria-label={t('cardSourceOf', row.plain)}
            title={t('cardSourceOf', row.plain)}
            onClick={onToggle}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M2.5 4h4.5v4.5H5c0 1.4.9 2.3 2 2.5V13C4.5 12.8 2.5 11 2.5 8.2V4zm7 0H14v4.5h-2c0 1.4.9 2.3 2 2.5V13c-2.5-.2-4.5-2-4.5-4.8V4z" fill="currentColor" />
            </svg>
          </button>
        )}
      </div>
      {open && first && (
        <div class="evidence" id={panelId}>
          <CardEvidence evidence={first} article={articles.get(first.articleId)} lang={lang} onOpenReader={onOpenReader} />
        </div>
      )}
    </li>
  );
}

export function CardFacts({ entity, related, articles, lang, onOpenEntity, onOpenReader }: FactsProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) => setOpen((s) => {
    const next = new Set(s);
    if (!next.delete(key)) next.add(key);
    return next;
  });
  const nameOf = (id: string) => related.get(id)?.name[lang] ?? id;
  const link = (id: string) => <EntityLink id={id} related={related} lang={lang} onOpenEntity={onOpenEntity} />;
  /** The line as plain words: the label, the other entity unless the label names it already, the date. */
  const plain = (label: Bilingual, targetId: string | undefined, date: string | undefined) => {
    const other = targetId && !labelAround(label[lang], nameOf(targetId)) ? nameOf(targetId) : '';
    return [label[lang], other, date ?? ''].filter(Boolean).join(' ');
  };

  const roles: FactRow[] = entity.roles.slice(0, MAX_FACTS).map((role, i) => {
    const date = dateOf(role.start, role.end, lang);
    return {
      key: `role-${i}`,
      plain: plain(role.title, role.orgId, date),
      text: <RoleText role={role} related={related} lang={lang} onOpenEntity={onOpenEntity} />,
      date,
      evidence: role.evidence,
      targetId: role.orgId,
    };
  });
  const ties: FactRow[] = entity.affiliations.slice(0, MAX_FACTS).map((aff: Affiliation, i) => {
    const date = aff.date ? formatIsoDate(aff.date, lang) : undefined;
    return {
      key: `tie-${i}`,
      plain: plain(aff.relation, aff.targetId, date),
      text: <><span class="relation">{aff.relation[lang]}</span> {link(aff.targetId)}</>,
      date,
      evidence: aff.evidence,
      targetId: aff.targetId,
    };
  });
  const hiddenTies = entity.affiliations.length - ties.length;
  const hiddenRoles = entity.roles.length - roles.length;
  const list = (rows: FactRow[]) => (
    <ul>
      {rows.map((row) => (
        <Fact key={row.key} row={row} articles={articles} lang={lang} open={open.has(row.key)} onToggle={() => toggle(row.key)} onOpenReader={onOpenReader} />
      ))}
    </ul>
  );
  return (
    <>
      {roles.length > 0 && (
        <section aria-labelledby="dramatis-roles">
          <h3 id="dramatis-roles">{t('cardRoles')}</h3>
          {list(roles)}
          {hiddenRoles > 0 && <p class="more-count">{tCount('cardMoreRoles', hiddenRoles)}</p>}
        </section>
      )}
      {ties.length > 0 && (
        <section aria-labelledby="dramatis-ties">
          <h3 id="dramatis-ties">{t('cardAffiliations')}</h3>
          {list(ties)}
          {hiddenTies > 0 && <p class="more-count">{tCount('cardMoreTies', hiddenTies)}</p>}
        </section>
      )}
    </>
  );
}
