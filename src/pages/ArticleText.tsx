/**
 * The article's text, laid out in blocks (core/ui/article-layout.ts), with each name the matcher found as a link
 * to its entity and the quoted passage marked. This is Dramatis's own page, built from the dataset's text, so
 * mentions are real elements: focusable, announced as links, operable with Enter, which highlights painted over
 * text could not be. Every string is rendered as text.
 */
import type { Entity } from '../core/dataset/dataset-schema.ts';
import { blockRuns, type Block, type Span } from '../core/ui/article-layout.ts';
import type { Mention } from '../shared/api/messages.ts';
import { paramsQuery } from './reader-params.ts';

export interface ArticleTextProps {
  articleId: string;
  text: string;
  lang: 'ar' | 'en' | 'fa';
  blocks: readonly Block[];
  mentions: readonly Mention[];
  entities: ReadonlyMap<string, Entity>;
  passage: Span | undefined;
  selected: string | undefined;
  onSelect: (entityId: string, from: HTMLElement) => void;
}

const TAGS = { section: 'p', headline: 'h1', heading: 'h2', paragraph: 'p' } as const;

export function ArticleText(props: ArticleTextProps) {
  const { articleId, text, lang, blocks, mentions, entities, passage, selected, onSelect } = props;
  return (
    <article class="article" lang={lang} dir={lang === 'en' ? 'ltr' : 'rtl'}>
      {blocks.map((block, b) => {
        const Tag = TAGS[block.kind];
        return (
          <Tag key={b} class={`block block-${block.kind}`}>
            {blockRuns(block, mentions, passage).map((run) => {
              const pieces = run.pieces.map((p) =>
                p.marked ? <mark class="passage" key={p.start}>{text.slice(p.start, p.end)}</mark> : text.slice(p.start, p.end),
              );
              if (!run.entityId) return pieces;
              const id = run.entityId;
              const type = entities.get(id)?.type ?? 'unknown';
              return (
                <a
                  key={run.start}
                  class={`mention type-${type}${id === selected ? ' current' : ''}`}
                  href={paramsQuery({ articleId, entityId: id })}
                  data-entity-id={id}
                  onClick={(e) => {
                    // Plain clicks show the entity here; modified clicks open the link as the browser would.
                    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
                    e.preventDefault();
                    onSelect(id, e.currentTarget);
                  }}
                >
                  {pieces}
                </a>
              );
            })}
          </Tag>
        );
      })}
    </article>
  );
}
