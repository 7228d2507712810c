/** Copy citation: publisher, title, date, address and the quote, in the reader's language. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationText } from '../../src/core/ui/citation.ts';
import { bundledPack, entityById } from '../support/pack.ts';

const pack = bundledPack();
const article = pack.articles[0]!;
const evidence = entityById(pack, 'esmail-qaani').roles[0]!.evidence[0]!;

test('for an English reader: the original title and quote, each with its translation in brackets', () => {
  const text = citationText(article, evidence, 'en', { quote: 'Quote' });
  assert.equal(text, [
    `Step News Agency, “${article.title.ar}” [${article.title.en}], 22 November 2020, ${article.url}`,
    `Quote: “${evidence.quote}” [${evidence.translation!.en}]`,
  ].join('\n'));
});

test('for an Arabic reader of an Arabic article: Arabic punctuation and no gloss', () => {
  const text = citationText(article, evidence, 'ar', { quote: 'الاقتباس' });
  assert.equal(text, [
    `وكالة ستيب الإخبارية، «${article.title.ar}»، 22 تشرين الثاني/نوفمبر 2020، ${article.url}`,
    `الاقتباس: «${evidence.quote}»`,
  ].join('\n'));
});

test('a quote without a translation is cited as it is', () => {
  const text = citationText(article, { quote: 'نص' }, 'en', { quote: 'Quote' });
  assert.ok(text.endsWith('Quote: “نص”'));
});
