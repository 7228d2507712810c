/**
 * The reader opened without an article (reader.html with no ?article=): the dataset's articles to choose from,
 * newest first, each with its title (in the UI language, with the original beneath when the article is in
 * another), publisher and date.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatIsoDate } from '../core/ui/iso-date.ts';
import { dirOf, t, uiLanguage } from '../shared/i18n.ts';
import type { ArticleMeta } from '../shared/api/messages.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { paramsQuery } from './reader-params.ts';

export function ReaderArticles() {
  const lang = uiLanguage();
  const [articles, setArticles] = useState<ArticleMeta[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    document.title = `${t('readerTitle')} · ${t('extName')}`;
    sendToBackground('listArticles', {}).then(
      ({ articles: list }) => setArticles(list),
      (err: unknown) => setError(t('panelError', err instanceof Error ? err.message : String(err))),
    );
  }, []);
  return (
    <div class="layout layout-list">
      <header class="bar">
        <p class="brand">{t('extName')} · {t('readerTitle')}</p>
      </header>
      <main class="reader articles-list" aria-busy={articles === null && !error}>
        <h1>{t('readerArticles')}</h1>
        <p class="hint">{t('readerChooseArticle')}</p>
        {error && <p class="error" role="alert">{error}</p>}
        {articles && (
          <ul class="articles">
            {articles.map((a) => {
              const original = a.language === 'en' ? 'en' : 'ar';
              return (
                <li key={a.id} data-article-id={a.id}>
                  <a href={paramsQuery({ articleId: a.id })} class="article-link"><bdi>{a.title[lang]}</bdi></a>
                  {original !== lang && <p class="original-title" lang={original} dir={dirOf(original)}>{a.title[original]}</p>}
                  <p class="meta">
                    <bdi>{a.publisher[lang]}</bdi> · <bdi>{formatIsoDate(a.published, lang)}</bdi> · <bdi>{a.section[lang]}</bdi>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </main>
    </div>
  );
}
