/**
 * The source of one fact on the card, opened from its icon button: the quote (labelled with its language, with
 * a person's translation under it when the reader's language is another), "according to <publisher>, <date>",
 * and the ways back to the source: the bundled article at the passage, the original (only an http(s) URL is
 * ever linked), and a citation to copy.
 */
import type { Evidence } from '../../core/dataset/dataset-schema.ts';
import { citationText } from '../../core/ui/citation.ts';
import { safeHttpUrl } from '../../core/ui/safe-url.ts';
import type { ArticleMeta } from '../../shared/api/messages.ts';
import { t } from '../../shared/i18n.ts';
import { CopyCitation } from '../../shared/ui/CopyCitation.tsx';
import { Quote } from '../../shared/ui/Quote.tsx';

export interface EvidenceProps {
  evidence: Evidence;
  article: ArticleMeta | undefined;
  lang: 'ar' | 'en';
  onOpenReader: (articleId: string, quote: string) => void;
}

export function CardEvidence({ evidence, article, lang, onOpenReader }: EvidenceProps) {
  const href = article ? safeHttpUrl(article.url) : undefined;
  return (
    <Quote evidence={evidence} article={article} lang={lang}>
      <span class="source-links">
        <button type="button" class="link-button read-passage" onClick={() => onOpenReader(evidence.articleId, evidence.quote)}>
          {t('actionReadPassage')}
        </button>
        {href && (
          <a href={href} target="_blank" rel="noopener noreferrer" class="source-link">{t('actionOriginal')}</a>
        )}
        {article && (
          <CopyCitation class="link-button" text={() => citationText(article, evidence, lang, { quote: t('citationQuote') })} />
        )}
      </span>
    </Quote>
  );
}
