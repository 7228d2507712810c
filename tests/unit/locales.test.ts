import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const LOCALES = join(ROOT, 'assets', '_locales');
const load = (lang: string): Catalogue => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'));

test('the UI ships in English and Arabic', () => {
  assert.deepEqual(readdirSync(LOCALES).sort(), ['ar', 'en']);
});

test('every message key exists in both languages, with the same placeholders', () => {
  const en = load('en');
  const ar = load('ar');
  assert.deepEqual(Object.keys(ar).sort(), Object.keys(en).sort(), 'same keys in en and ar');
  for (const key of Object.keys(en)) {
    assert.ok(ar[key]!.message.trim() !== '', `ar.${key} is not empty`);
    assert.deepEqual(Object.keys(ar[key]!.placeholders ?? {}).sort(), Object.keys(en[key]!.placeholders ?? {}).sort(), `placeholders of ${key}`);
  }
});

test('every message the manifest names exists', () => {
  const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
  const en = load('en');
  for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) assert.ok(key! in en, `${key} in en`);
});

test('every counted message has a key for each plural category (Arabic uses all six)', () => {
  const en = load('en');
  const bases = Object.keys(en).filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length));
  assert.ok(bases.length > 0);
  for (const base of bases) {
    for (const category of ['zero', 'one', 'two', 'few', 'many', 'other']) {
      assert.ok(`${base}_${category}` in en, `${base}_${category}`);
    }
  }
});

test('each catalogue names its own language, which the UI takes its plural rules and direction from', () => {
  for (const lang of ['en', 'ar']) assert.equal(load(lang).catalogueLanguage?.message, lang);
});
