/**
 * Every article and quote about an entity: the evidence of its own facts and of the facts others state about
 * it, grouped by article. Each quote opens the bundled article in the reader at that passage; the original's
 * address is linked only when it is http(s).
 */
import type { Bilingual, Entity } from '../core/dataset-schema.ts';
import type { Tie } from '../core/entity-graph.ts';
import { safeHttpUrl } from '../core/text-utils.ts';
import type { ArticleMeta } from '../shared/messages.ts';
import { sendToBackground } from '../shared/send.ts';
import { isolate, t } from '../shared/i18n.ts';
import { UI_LANG, inUi } from './entity-text.ts';

interface Cited {
  quote: string;
  /** What the quote supports: a role title or a relation, and the other entity when there is one. */
  fact: Bilingual;
  otherId?: string;
}

export interface SourcesProps {
  entity: Entity;
  ties: readonly Tie[];
  articles: readonly ArticleMeta[];
  related: ReadonlyMap<string, Entity>;
}

/** The quotes about an entity by article id, each once per fact, in the order the facts come. */
export function quotesByArticle(entity: Entity, ties: readonly Tie[]): Map<string, Cited[]> {
  const out = new Map<string, Cited[]>();
  const add = (articleId: string, cited: Cited) => {
    const list = out.get(articleId) ?? [];
    if (!list.some((c) => c.quote === cited.quote && c.fact.en === cited.fact.en && c.otherId === cited.otherId)) list.push(cited);
    out.set(articleId, list);
  };
  for (const role of entity.roles) {
    if (!role.orgId) for (const ev of role.evidence) add(ev.articleId, { quote: ev.quote, fact: role.title });
  }
  for (const tie of ties) for (const ev of tie.evidence) add(ev.articleId, { quote: ev.quote, fact: tie.label, otherId: tie.otherId });
  return out;
}

export function EntitySources({ entity, ties, articles, related }: SourcesProps) {
  const byArticle = quotesByArticle(entity, ties);
  if (byArticle.size === 0) return null;
  const meta = new Map(articles.map((a) => [a.id, a]));
  const nameOf = (id: string) => (id === entity.id ? inUi(entity.name) : related.get(id) ? inUi(related.get(id)!.name) : id);
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <h3 id="sources-heading">{t('panelSources')}</h3>
      {[...byArticle.entries()].map(([articleId, quotes]) => {
        const article = meta.get(articleId);
        const href = article ? safeHttpUrl(article.url) : undefined;
        return (
          <article key={articleId} class="source" data-article-id={articleId}>
            <h4 lang={article?.language === 'en' ? 'en' : UI_LANG} dir="auto">{article ? inUi(article.title) : articleId}</h4>
            {article && (
              <p class="meta">
                {t('cardAccordingTo', [isolate(inUi(article.publisher)), article.published])}
                {href && (
                  <>
                    {' · '}
                    <a href={href} target="_blank" rel="noopener noreferrer">{t('cardSource')}</a>
                  </>
                )}
              </p>
            )}
            <ul>
              {quotes.map((q, i) => (
                <li key={i} class="quote">
                  <p class="fact">
                    {inUi(q.fact)}
                    {q.otherId && ` · ${nameOf(q.otherId)}`}
                  </p>
                  <blockquote lang={article?.language ?? 'ar'} dir="auto">{q.quote}</blockquote>
                  <button
                    type="button"
                    class="open-reader"
                    onClick={() => void sendToBackground('openReader', { articleId, quote: q.quote, entityId: entity.id })}
                  >
                    {t('panelReadInArticle')}
                  </button>
                </li>
              ))}
            </ul>
          </article>
        );
      })}
    </section>
  );
}
