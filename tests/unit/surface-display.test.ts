/** Surfaces shown alone in the side panel: لل (ل + ال) gets its alef back; nothing else changes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distinctSurfaces, surfaceAlone } from '../../src/core/ui/surface-display.ts';
import { foldKey } from '../../src/core/matching/normalize.ts';

const keys = (...aliases: string[]) => new Set(aliases.map(foldKey));

test('a name found after لل reads as the name alone', () => {
  assert.equal(surfaceAlone('لنظام الإيراني', keys('النظام الإيراني')), 'النظام الإيراني');
  assert.equal(surfaceAlone('لحرس الثوري الإيراني', keys('الحرس الثوري الإيراني')), 'الحرس الثوري الإيراني');
  assert.equal(surfaceAlone('لأسد', keys('الأسد')), 'الأسد');
});

test('names that begin with ل of their own, and other surfaces, are left alone', () => {
  assert.equal(surfaceAlone('لبنان', keys('لبنان')), 'لبنان');
  assert.equal(surfaceAlone('دمشق', keys('دمشق')), 'دمشق');
  assert.equal(surfaceAlone('Assad', keys('Assad')), 'Assad');
  // Not an alias either way (a spelling variant found by a rule): shown as found.
  assert.equal(surfaceAlone('لندن', keys('النظام')), 'لندن');
});

test('surfaces that read the same alone are listed once', () => {
  assert.deepEqual(
    distinctSurfaces(['الحرس الثوري الإيراني', 'لحرس الثوري الإيراني', 'IRGC'], keys('الحرس الثوري الإيراني', 'IRGC')),
    ['الحرس الثوري الإيراني', 'IRGC'],
  );
});
