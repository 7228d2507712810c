/**
 * Bench inputs: the heavy pages of the corpus in tests/fixtures/corpus (scripts removed), a
 * synthetic ~1 MB page mixing Arabic and English, and synthetic dictionaries of multi-word names, half in
 * Arabic script, as valid dataset packs the extension can install.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_VERSION, type DatasetPack, type Entity } from '../../src/core/dataset/dataset-schema.ts';
import { ROOT } from '../build.ts';
import { corpusPageHtml } from '../corpus.ts';

export const HEAVY_PAGES = ['yahoo-1', 'yahoo-3', 'nytimes-4', 'nytimes-5', 'breitbart', 'wikia'];
/** The synthetic ~1 MB Arabic/English page's name among the bench's pages. */
export const SYNTHETIC_PAGE = 'synthetic-1mb';

/** A corpus page with its scripts removed (they would only wait on a network this machine doesn't have). */
export function corpusPage(name: string): string {
  return corpusPageHtml(name).replace(/<script\b[\s\S]*?<\/script>/gi, '');
}

function bodyOf(html: string): string {
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return (m?.[1] ?? html).replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '');
}

/** Deterministic pseudo-random numbers (mulberry32), so every run benches the same inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN_SYLLABLES = ['ka', 'ra', 'mo', 'li', 'sa', 'den', 'bar', 'tos', 'vin', 'el', 'mar', 'qu', 'ha', 'ni', 'zo', 'per', 'go', 'fi', 'ton', 'lu'];
const ARABIC_SYLLABLES = ['كا', 'را', 'مو', 'لي', 'سا', 'دن', 'بر', 'طو', 'فن', 'عل', 'مر', 'قا', 'ها', 'ني', 'زو', 'بي', 'غو', 'في', 'تن', 'لو'];

function word(next: () => number, syllables: string[], latin: boolean): string {
  const n = 2 + Math.floor(next() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += syllables[Math.floor(next() * syllables.length)]!;
  return latin ? w[0]!.toUpperCase() + w.slice(1) : w;
}

/** `count` distinct two- or three-word names; even indices in Arabic script, odd in Latin. */
export function syntheticNames(count: number, seed = 7): string[] {
  const next = rng(seed);
  const names = new Set<string>();
  while (names.size < count) {
    const arabic = names.size % 2 === 0;
    const words = 2 + (next() < 0.3 ? 1 : 0);
    const parts: string[] = [];
    for (let i = 0; i < words; i++) parts.push(word(next, arabic ? ARABIC_SYLLABLES : LATIN_SYLLABLES, !arabic));
    names.add(parts.join(' '));
  }
  return [...names];
}

/** A dataset pack whose entities are the synthetic names (one alias each), valid for validatePack. */
export function syntheticPack(names: readonly string[], version = 1): DatasetPack {
  const entities: Entity[] = names.map((text, i) => ({
    id: `synthetic-${i}`,
    type: i % 4 === 0 ? 'place' : 'person',
    name: { ar: text, en: text },
    aliases: [{ text, lang: i % 2 === 0 ? 'ar' : 'en', full: true }],
    description: { ar: 'كيان اصطناعي للقياس', en: 'Synthetic entity for benchmarks' },
    roles: [],
    affiliations: [],
  }));
  return {
    formatVersion: FORMAT_VERSION,
    datasetId: 'bench-synthetic',
    version,
    published: '2026-01-01T00:00:00Z',
    articles: [],
    entities,
    exclusions: [],
  };
}

/**
 * ~1 MB of visible text: the bodies of six English corpus pages and paragraphs of the Arabic sample article,
 * interleaved, with `sprinkle` names of the dictionary inserted (so every method has matches to mark).
 */
export function syntheticBigPage(names: readonly string[], targetChars = 1_000_000): string {
  const english = ['wikipedia', 'wikipedia-3', 'wikipedia-4', 'nytimes-1', 'nytimes-2', 'wapo-1'].map((n) => bodyOf(corpusPage(n)));
  const article = readFileSync(join(ROOT, 'data', 'articles', '000_4f7f3227c46c7de5.txt'), 'utf8')
    .split('\n').filter((l) => l.trim().length > 40);
  const next = rng(11);
  const parts: string[] = [];
  let chars = 0;
  let e = 0;
  while (chars < targetChars) {
    const chunk = english[e++ % english.length]!;
    parts.push(`<section lang="en">${chunk}</section>`);
    chars += chunk.replace(/<[^>]+>/g, '').length;
    // About as much Arabic as English by characters of text.
    const arabic: string[] = [];
    let arChars = 0;
    while (arChars < 60_000) {
      const p = article[Math.floor(next() * article.length)]!;
      const name = names[Math.floor(next() * names.length)] ?? '';
      const para = `<p>${p} ${name}، ${p}</p>`;
      arabic.push(para);
      arChars += para.length;
    }
    parts.push(`<section lang="ar" dir="rtl">${arabic.join('\n')}</section>`);
    chars += arChars;
    const sprinkled = Array.from({ length: 50 }, () => names[Math.floor(next() * names.length)]).join(', ');
    parts.push(`<p>${sprinkled}</p>`);
    chars += sprinkled.length;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Synthetic 1 MB page</title></head><body>${parts.join('\n')}</body></html>`;
}
