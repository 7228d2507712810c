/**
 * The search index at 100,000 synthetic entities: correctness at that size, and the build and query times,
 * reported as diagnostics (`node --import tsx --test tests/unit/search-scale.test.ts` prints them), not asserted:
 * a timed assertion would fail on a loaded machine and prove nothing on a fast one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity } from '../../src/core/dataset/dataset-schema.ts';
import { buildSearchIndex } from '../../src/core/search/search.ts';

const LATIN = ['ka', 'ri', 'mo', 'sa', 'lem', 'dar', 'hu', 'fi', 'tan', 'nour', 'jab', 'zel', 'qa', 'ghi', 'wal', 'bes'];
const ARABIC = ['كا', 'ري', 'مو', 'سا', 'لم', 'دار', 'هو', 'في', 'تان', 'نور', 'جب', 'زل', 'قا', 'غي', 'ول', 'بس'];

/** A deterministic generator (mulberry32), so every run indexes the same 100,000 names. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(random: () => number, parts: readonly string[], syllables: number): number[] {
  return Array.from({ length: syllables }, () => Math.floor(random() * parts.length));
}

function syntheticEntities(count: number): Entity[] {
  const random = rng(42);
  const types = ['person', 'organisation', 'media', 'place'] as const;
  const out: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const first = word(random, LATIN, 2 + Math.floor(random() * 2));
    const last = word(random, LATIN, 2 + Math.floor(random() * 2));
    const en = (w: number[]) => w.map((s) => LATIN[s]).join('');
    const ar = (w: number[]) => w.map((s) => ARABIC[s]).join('');
    const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
    const nameEn = `${cap(en(first))} ${cap(en(last))} ${i}`;
    const nameAr = `${ar(first)} ${ar(last)} ${i}`;
    out.push({
      id: `e-${i}`,
      type: types[i % 4]!,
      name: { en: nameEn, ar: nameAr },
      description: { en: 'synthetic', ar: 'مصطنع' },
      roles: [],
      affiliations: [],
      aliases: [
        { text: nameEn, lang: 'en', full: true },
        { text: nameAr, lang: 'ar', full: true },
        { text: `${cap(en(first))} ${cap(en(last))}`, lang: 'en' },
        { text: `${ar(first)} ${ar(last)}`, lang: 'ar' },
        { text: `al-${cap(en(last))}`, lang: 'en' },
        { text: `ال${ar(last)}`, lang: 'ar' },
      ],
    });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

test('search at 100,000 entities finds the right entity; build and query times reported', (t) => {
  const entities = syntheticEntities(100_000);
  // With --expose-gc the heap figure is what the index keeps; without it, it includes the build's garbage.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const index = buildSearchIndex(entities);
  const buildMs = performance.now() - started;
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  assert.equal(index.size, 100_000);

  // Every 997th entity by its full English name, its Arabic name and a begun surname: it must come first or be
  // among the hits (surnames repeat across the synthetic people).
  const timings: number[] = [];
  const timed = <T>(fn: () => T): T => {
    const s = performance.now();
    const r = fn();
    timings.push(performance.now() - s);
    return r;
  };
  for (let i = 0; i < entities.length; i += 997) {
    const e = entities[i]!;
    assert.equal(timed(() => index.search(e.name.en, 20))[0]?.entityId, e.id, `${e.name.en}`);
    assert.equal(timed(() => index.search(e.name.ar, 20))[0]?.entityId, e.id, `${e.name.ar}`);
    const surname = e.name.en.split(' ')[1]!;
    assert.ok(timed(() => index.search(surname.slice(0, 4), 20)).length > 0);
  }
  // The worst case: one-letter and one-syllable queries whose words begin tens of thousands of names.
  const broad: number[] = [];
  for (const q of ['k', 'ka', 'ق', 'قا', 'al', 'ال']) {
    const s = performance.now();
    assert.equal(index.search(q, 20).length, 20);
    broad.push(performance.now() - s);
  }
  timings.sort((a, b) => a - b);
  t.diagnostic(`entities: 100000; index build: ${buildMs.toFixed(0)} ms; heap ${gc ? 'kept' : 'grown (no --expose-gc)'}: ~${heapMb.toFixed(0)} MB`);
  t.diagnostic(
    `queries: ${timings.length}; median ${percentile(timings, 0.5).toFixed(3)} ms; p95 ${percentile(timings, 0.95).toFixed(3)} ms; ` +
      `max ${timings[timings.length - 1]!.toFixed(3)} ms`,
  );
  t.diagnostic(`broad one-letter/one-syllable queries: max ${Math.max(...broad).toFixed(2)} ms`);
});
