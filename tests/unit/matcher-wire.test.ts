/**
 * The compiled matcher a tab receives (src/shared/tab-matcher.ts) goes through JSON (Chromium's storage.local):
 * in wire form it must come back as the same matcher, base and overlay, finding the same names.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';
import { fromWire, toWire } from '../../src/core/matcher-wire.ts';
import { buildMatcher, loadMatcher, serializeMatcher, serializeOverlay, updateMatcher } from '../../src/core/name-matcher.ts';
import type { SerializedOverlay } from '../../src/core/matcher-overlay.ts';
import { answerOf, findInChunk } from '../../src/core/scan-answer.ts';
import { bundledPack } from '../support/pack.ts';

const throughJson = <T>(value: T): T => fromWire(JSON.parse(JSON.stringify(toWire(value)))) as T;
const article = readFileSync(join(ROOT, 'data', 'articles', '000_4f7f3227c46c7de5.txt'), 'utf8');

test('typed arrays of every kind, at any offset, survive JSON in wire form', () => {
  const backing = new Uint8Array([9, 1, 2, 3, 4, 5, 6, 7, 8]);
  const value = {
    a: new Uint32Array([0, 1, 0xffffffff]), b: new Int32Array([-1, 7]), c: new Uint16Array([0x0627, 65535]),
    d: new Uint8Array(backing.buffer, 1, 4), e: [new Float64Array([0.5, -2])], s: 'text', n: null, k: [1, 'x'],
  };
  const back = throughJson(value) as typeof value;
  assert.deepEqual(back, { ...value, d: new Uint8Array([1, 2, 3, 4]) });
  assert.ok(back.a instanceof Uint32Array && back.d instanceof Uint8Array && back.e[0] instanceof Float64Array);
  assert.throws(() => fromWire({ $typed: 'Uint32Array', base64: 'AAA=' }), /2 bytes is no Uint32Array/);
  assert.throws(() => fromWire({ $typed: 'BigInt64Array', base64: '' }), /unknown array type/);
});

test('the shipped dataset\'s matcher, base and overlay, finds the same names after the trip', () => {
  const pack = bundledPack();
  const built = buildMatcher(pack);
  const text = article.slice(0, 20_000);
  const loaded = loadMatcher(throughJson(serializeMatcher(built)));
  assert.ok(findInChunk(built, text, []).starts.length > 20, 'the article names many');
  assert.deepEqual(findInChunk(loaded, text, []), findInChunk(built, text, []));
  // An overlay: one entity renamed, one removed.
  const [first, second] = pack.entities;
  const renamed = { ...first!, aliases: [...first!.aliases, { text: 'Zorbanian Tuvalu', lang: 'en' as const }] };
  const patched = updateMatcher(built, [second!.id], [renamed]);
  const again = loadMatcher(throughJson(serializeMatcher(patched)), throughJson(serializeOverlay(patched) as SerializedOverlay));
  const withNew = `${text} Zorbanian Tuvalu said.`;
  assert.deepEqual(findInChunk(again, withNew, []), findInChunk(patched, withNew, []));
  assert.ok(findInChunk(again, withNew, []).entityIds.includes(first!.id));
  assert.ok(!findInChunk(again, withNew, []).entityIds.includes(second!.id));
  // The answer flags an entity whose licence matters to others, whichever side made it.
  const found = findInChunk(loaded, text, []);
  const briefs = found.entityIds.map(() => ({ type: 'person' as const, nameEn: '', ambiguous: false }));
  assert.deepEqual(answerOf(loaded, found, briefs), answerOf(built, found, briefs));
});
