import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleBlocks, blockRuns, findPassage } from '../../src/core/ui/article-layout.ts';
import { bundledPack } from '../support/pack.ts';

const article = bundledPack().articles[0]!;

describe('article blocks', () => {
  it('lays out the bundled article: its section, its headline, then headings and paragraphs', () => {
    const blocks = articleBlocks(article.text, { section: article.section.ar, title: article.title.ar });
    assert.equal(blocks[0]?.kind, 'section');
    assert.equal(article.text.slice(blocks[0]!.start, blocks[0]!.end), article.section.ar);
    assert.equal(blocks[1]?.kind, 'headline');
    assert.equal(article.text.slice(blocks[1]!.start, blocks[1]!.end), article.title.ar);
    assert.ok(blocks.some((b) => b.kind === 'heading' && article.text.slice(b.start, b.end) === 'إسماعيل قاآني زار بغداد بعد دمشق'));
    assert.ok(blocks.filter((b) => b.kind === 'paragraph').length >= 3);
  });

  it('gives offsets of trimmed, non-blank lines', () => {
    const text = '  one two.\r\n\n   \nthree four five six seven.  ';
    const blocks = articleBlocks(text);
    assert.deepEqual(blocks.map((b) => text.slice(b.start, b.end)), ['one two.', 'three four five six seven.']);
    assert.deepEqual(blocks.map((b) => b.kind), ['paragraph', 'paragraph']);
  });
});

describe('finding a quoted passage', () => {
  it('finds each evidence quote of the dataset in its article', () => {
    for (const e of bundledPack().entities) {
      for (const fact of [...e.roles, ...e.affiliations]) {
        for (const { quote } of fact.evidence) {
          const span = findPassage(article.text, quote);
          assert.ok(span, `quote of ${e.id} found: ${quote}`);
          assert.equal(article.text.slice(span.start, span.end), quote);
        }
      }
    }
  });

  it('finds a quote typed without hamza, with other spaces, and covers the text’s own letters', () => {
    const text = 'قال إنّ إسماعيل  قاآني\nوصل.';
    const span = findPassage(text, 'اسماعيل قاآني وصل');
    assert.ok(span);
    assert.equal(text.slice(span.start, span.end), 'إسماعيل  قاآني\nوصل');
  });

  it('finds nothing for an absent or blank quote', () => {
    assert.equal(findPassage(article.text, 'not in the article'), undefined);
    assert.equal(findPassage(article.text, '  '), undefined);
  });
});

describe('runs of a block', () => {
  const text = 'aa Bob met Ann in Rome.';
  const block = { start: 0, end: text.length };
  const mentions = [
    { start: 3, end: 6, entityId: 'bob' },
    { start: 11, end: 14, entityId: 'ann' },
    { start: 18, end: 22, entityId: 'rome' },
  ];
  const show = (runs: ReturnType<typeof blockRuns>) =>
    runs.map((r) => `${r.entityId ?? '-'}:${r.pieces.map((p) => (p.marked ? `[${text.slice(p.start, p.end)}]` : text.slice(p.start, p.end))).join('')}`);

  it('cuts a block at its mentions, covering all of its text once', () => {
    assert.deepEqual(show(blockRuns(block, mentions)), ['-:aa ', 'bob:Bob', '-: met ', 'ann:Ann', '-: in ', 'rome:Rome', '-:.']);
  });

  it('marks the passage across plain text and mentions, cutting a mention without splitting its run', () => {
    const runs = blockRuns(block, mentions, { start: 4, end: 13 });
    assert.deepEqual(show(runs), ['-:aa ', 'bob:B[ob]', '-:[ met ]', 'ann:[An]n', '-: in ', 'rome:Rome', '-:.']);
  });

  it('ignores mentions outside the block and clips the passage to it', () => {
    const runs = blockRuns({ start: 7, end: 14 }, mentions, { start: 0, end: 100 });
    assert.deepEqual(show(runs), ['-:[met ]', 'ann:[Ann]']);
  });
});
