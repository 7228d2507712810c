/** The reader's address: reader.html?article=<id>&quote=<text>&entity=<id> (see PanelApi.openReader). */

export interface ReaderParams {
  articleId?: string;
  quote?: string;
  entityId?: string;
}

export function readParams(search: string): ReaderParams {
  const q = new URLSearchParams(search);
  const get = (k: string) => {
    const v = q.get(k);
    return v !== null && v.trim() !== '' ? v : undefined;
  };
  const out: ReaderParams = {};
  const articleId = get('article');
  const quote = get('quote');
  const entityId = get('entity');
  if (articleId !== undefined) out.articleId = articleId;
  if (quote !== undefined) out.quote = quote.slice(0, 2000);
  if (entityId !== undefined) out.entityId = entityId;
  return out;
}

/** The query string for these params, so the address always says what is shown (reload, share, back). */
export function paramsQuery(p: ReaderParams): string {
  const q = new URLSearchParams();
  if (p.articleId) q.set('article', p.articleId);
  if (p.quote) q.set('quote', p.quote);
  if (p.entityId) q.set('entity', p.entityId);
  return `?${q.toString()}`;
}
