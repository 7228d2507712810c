/**
 * A citation of one quote, as plain text a reader pastes into a note or a document: publisher, the article's
 * title, date and address, then the quote verbatim. Written in the reader's language: the publisher's name and
 * the date in that language, the original title and quote as published, each followed by its translation in
 * [brackets] when the article is in another language. Pure: the labels come from the caller's locale.
 *
 *   Step News Agency, “التقى بشار الأسد …” [He met Bashar al-Assad …], 22 November 2020, https://…
 *   Quote: “قائد ميليشيا فيلق القدس …” [the commander of the Quds Force militia …]
 */
import type { Article, Evidence } from '../dataset/dataset-schema.ts';
import { formatIsoDate } from './iso-date.ts';

export type CitedArticle = Pick<Article, 'title' | 'publisher' | 'published' | 'url' | 'language'>;

/** Punctuation by the reader's language: Arabic writes « » and the Arabic comma. */
const STYLE = {
  en: { open: '“', close: '”', comma: ', ' },
  ar: { open: '«', close: '»', comma: '، ' },
} as const;

export function citationText(
  article: CitedArticle,
  evidence: Pick<Evidence, 'quote' | 'translation'>,
  lang: 'ar' | 'en',
  labels: { quote: string },
): string {
  const { open, close, comma } = STYLE[lang];
  const foreign = article.language !== lang;
  const title = article.title[article.language === 'en' ? 'en' : 'ar'];
  const titleGloss = foreign && article.title[lang] !== title ? ` [${article.title[lang]}]` : '';
  const quoteGloss = foreign && evidence.translation?.[lang] ? ` [${evidence.translation[lang]}]` : '';
  const head = [article.publisher[lang], `${open}${title}${close}${titleGloss}`, formatIsoDate(article.published, lang), article.url].join(comma);
  return `${head}\n${labels.quote}: ${open}${evidence.quote}${close}${quoteGloss}`;
}
