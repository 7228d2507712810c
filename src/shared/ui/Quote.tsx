/**
 * One piece of evidence wherever it is shown (card, side panel, reader): the quote verbatim in its article's
 * language and direction; under it, when the reader's UI language is another and a person translated the
 * quote, the translation, labelled as one; then a caption line: the quote's language ("Arabic original"),
 * "according to <publisher>, <date>", and the actions the caller adds as children (read the passage, original
 * article, copy citation). One caption line keeps a quote short where many are listed.
 */
import type { ComponentChildren } from 'preact';
import type { Evidence } from '../../core/dataset/dataset-schema.ts';
import { formatIsoDate } from '../../core/ui/iso-date.ts';
import { dirOf, languageName } from '../i18n.ts';
import type { ArticleMeta } from '../api/messages.ts';
import { Msg } from './Msg.tsx';

export interface QuoteProps {
  evidence: Evidence;
  article: ArticleMeta | undefined;
  /** The UI language. */
  lang: 'ar' | 'en';
  /** Leave out "according to …" (the article is named just above, as in the reader). */
  bare?: boolean;
  children?: ComponentChildren;
}

export function Quote({ evidence, article, lang, bare = false, children }: QuoteProps) {
  const quoteLang = article?.language;
  const translation = quoteLang && quoteLang !== lang ? evidence.translation?.[lang] : undefined;
  return (
    <figure class="quote" data-quote-lang={quoteLang ?? ''}>
      <blockquote lang={quoteLang} dir={quoteLang ? dirOf(quoteLang) : 'auto'}>{evidence.quote}</blockquote>
      {translation && (
        <p class="translation" lang={lang} dir={dirOf(lang)}>
          <span class="quote-lang translated"><Msg k="quoteTranslation" args={[languageName(lang, lang)]} /></span>{' '}
          <span class="translation-text">{translation}</span>
        </p>
      )}
      <figcaption>
        {quoteLang && <span class="quote-lang original"><Msg k="quoteOriginal" args={[languageName(quoteLang, lang)]} /></span>}
        {!bare && article && (
          <span class="according">
            <Msg k="cardAccordingTo" args={[article.publisher[lang], formatIsoDate(article.published, lang)]} />
          </span>
        )}
        {children}
      </figcaption>
    </figure>
  );
}
