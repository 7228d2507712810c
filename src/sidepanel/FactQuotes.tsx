/**
 * The quotes behind one fact (a role, a tie) in the entity view: the first under the fact, the others behind
 * "N more quotes". Each quote is labelled with its language (with a person's translation under it when the UI
 * language is another) and says whose article it is and when; its actions are small links on one line: the
 * passage in the reader, the original article (only an http(s) address is ever linked), a citation to copy.
 */
import type { Evidence } from '../core/dataset/dataset-schema.ts';
import { citationText } from '../core/ui/citation.ts';
import { safeHttpUrl } from '../core/ui/safe-url.ts';
import type { ArticleMeta } from '../shared/api/messages.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { t, tCount } from '../shared/i18n.ts';
import { CopyCitation } from '../shared/ui/CopyCitation.tsx';
import { Quote } from '../shared/ui/Quote.tsx';
import { UI_LANG } from './entity-text.ts';

export interface FactQuotesProps {
  evidence: readonly Evidence[];
  articles: ReadonlyMap<string, ArticleMeta>;
  /** The entity the view is about: the reader opens with its mentions emphasised. */
  entityId: string;
}

function OneQuote({ evidence, article, entityId }: { evidence: Evidence; article: ArticleMeta | undefined; entityId: string }) {
  const href = article ? safeHttpUrl(article.url) : undefined;
  return (
    <Quote evidence={evidence} article={article} lang={UI_LANG}>
      <span class="quote-actions">
        <button
          type="button"
          class="link open-reader"
          onClick={() => void sendToBackground('openReader', { articleId: evidence.articleId, quote: evidence.quote, entityId })}
        >
          {t('actionReadPassage')}
        </button>
        {href && <a href={href} target="_blank" rel="noopener noreferrer" class="source-link">{t('actionOriginal')}</a>}
        {article && <CopyCitation class="link" text={() => citationText(article, evidence, UI_LANG, { quote: t('citationQuote') })} />}
      </span>
    </Quote>
  );
}

export function FactQuotes({ evidence, articles, entityId }: FactQuotesProps) {
  const [first, ...rest] = evidence;
  if (!first) return null;
  return (
    <div class="fact-quotes">
      <OneQuote evidence={first} article={articles.get(first.articleId)} entityId={entityId} />
      {rest.length > 0 && (
        <details class="more-quotes">
          <summary>{tCount('moreQuotes', rest.length)}</summary>
          {rest.map((ev) => <OneQuote key={`${ev.articleId}|${ev.quote}`} evidence={ev} article={articles.get(ev.articleId)} entityId={entityId} />)}
        </details>
      )}
    </div>
  );
}

/** Each quote once, in order. */
export function distinctEvidence(evidence: readonly Evidence[]): Evidence[] {
  return evidence.filter((ev, i) => evidence.findIndex((x) => x.articleId === ev.articleId && x.quote === ev.quote) === i);
}
