/**
 * Search over the whole dataset, answered by the background's index as the user types (each keystroke one
 * request; a late answer to an older query is dropped). Names are folded as the matcher folds them. With the
 * box empty, the pane lists every entity by type (BrowseList), so there is something to explore before typing. A
 * search asked for from outside (a selection looked up from the page's context menu) fills the field and runs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../core/search/search.ts';
import type { SearchRequest } from './panel-focus.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { isolated, t, tCount } from '../shared/i18n.ts';
import { BrowseList } from './BrowseList.tsx';
import { OTHER_LANG, TYPE_KEYS, inUi } from './entity-text.ts';

const LIMIT = 30;

type Results = { query: string; hits: SearchHit[] } | { query: string; error: string };

export function SearchTab({ onOpenEntity, request }: { onOpenEntity: (entityId: string) => void; request?: SearchRequest | undefined }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | undefined>(undefined);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Warm the index up while the user is still reading the tab: the first real query then answers at once.
    void sendToBackground('searchEntities', { query: '', limit: 0 }).catch(() => undefined);
  }, []);

  const run = async (q: string) => {
    setQuery(q);
    const mine = ++seq.current;
    if (q.trim() === '') return setResults(undefined);
    try {
      const { hits } = await sendToBackground('searchEntities', { query: q, limit: LIMIT });
      if (mine === seq.current) setResults({ query: q, hits });
    } catch (err) {
      if (mine === seq.current) setResults({ query: q, error: err instanceof Error ? err.message : String(err) });
    }
  };

  useEffect(() => {
    if (!request) return;
    void run(request.query);
    input.current?.focus();
  }, [request?.at]);

  return (
    <div class="search">
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="search-input">{t('panelSearchLabel')}</label>
        <input
          id="search-input"
          ref={input}
          type="search"
          dir="auto"
          autocomplete="off"
          spellcheck={false}
          placeholder={t('panelSearchPlaceholder')}
          value={query}
          onInput={(e) => void run(e.currentTarget.value)}
        />
      </form>
      <p class="status" role="status" aria-live="polite">
        {results && ('error' in results
          ? t('panelError', isolated(results.error))
          : results.hits.length === 0
            ? t('panelSearchNone', isolated(results.query))
            : tCount('panelSearchResults', results.hits.length))}
      </p>
      {results && 'hits' in results && results.hits.length > 0 && (
        <ul class="hits" aria-label={t('panelSearchResultsLabel')}>
          {results.hits.map((hit) => {
            const shown = inUi(hit.name);
            return (
              <li key={hit.entityId} data-entity-id={hit.entityId}>
                <button type="button" class="hit" onClick={() => onOpenEntity(hit.entityId)}>
                  <span class="line">
                    <bdi class="name">{shown}</bdi>
                    <span class="type">{t(TYPE_KEYS[hit.type])}</span>
                  </span>
                  <span class="line">
                    <bdi class="other-name" lang={OTHER_LANG}>{hit.name[OTHER_LANG]}</bdi>
                    {hit.matched !== hit.name.ar && hit.matched !== hit.name.en && (
                      // First-strong isolates keep an alias in the other script from reordering the quote marks.
                      <span class="matched">{t('panelSearchMatched', isolated(hit.matched))}</span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {query.trim() === '' && <BrowseList onOpenEntity={onOpenEntity} />}
    </div>
  );
}
