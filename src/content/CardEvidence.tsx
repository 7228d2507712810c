/**
 * One piece of evidence on the card: the quote, verbatim and in its article's language, "according to
 * <publisher>, <date>" in the reader's UI language, and the two ways back to the source: the original URL (only
 * an http(s) URL is ever linked) and the bundled copy of the article, opened at the quoted passage.
 */
import type { Evidence } from '../core/dataset-schema.ts';
import { formatIsoDate } from '../core/iso-date.ts';
import { safeHttpUrl } from '../core/text-utils.ts';
import type { ArticleMeta } from '../shared/messages.ts';
import { dirOf, isolate, t } from '../shared/i18n.ts';
import { UiText, type CardLangs } from './card-langs.tsx';

export interface EvidenceProps {
  evidence: Evidence;
  article: ArticleMeta | undefined;
  langs: CardLangs;
  onOpenReader: (articleId: string, quote: string) => void;
}

export function CardEvidence({ evidence, article, langs, onOpenReader }: EvidenceProps) {
  const href = article ? safeHttpUrl(article.url) : undefined;
  const quoteLang = article?.language;
  return (
    <figure class="quote">
      <blockquote lang={quoteLang} dir={quoteLang ? dirOf(quoteLang) : 'auto'}>{evidence.quote}</blockquote>
      <figcaption>
        {article && (
          <UiText langs={langs} class="according">
            {t('cardAccordingTo', [isolate(article.publisher[langs.ui]), formatIsoDate(article.published, langs.ui)])}
          </UiText>
        )}
        <span class="source-links">
          {href && (
            <a href={href} target="_blank" rel="noopener noreferrer" class="source-link">
              <UiText langs={langs}>{t('cardSource')}</UiText>
            </a>
          )}
          <button type="button" class="link-button read-passage" onClick={() => onOpenReader(evidence.articleId, evidence.quote)}>
            <UiText langs={langs}>{t('cardReadPassage')}</UiText>
          </button>
        </span>
      </figcaption>
    </figure>
  );
}
