import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, isActiveOn, sanitizeSettings } from '../../src/shared/settings-model.ts';

test('missing or malformed stored settings fall back to the defaults, field by field', () => {
  assert.deepEqual(sanitizeSettings(undefined), DEFAULT_SETTINGS);
  assert.deepEqual(sanitizeSettings('garbage'), DEFAULT_SETTINGS);
  const s = sanitizeSettings({ enabled: false, highlightStyle: 'blink', hoverDelayMs: 99_999, shownTypes: ['place', 'alien'], mutedEntities: [1] });
  assert.equal(s.enabled, false);
  assert.equal(s.highlightStyle, DEFAULT_SETTINGS.highlightStyle);
  assert.equal(s.hoverDelayMs, 2000, 'the delay is clamped');
  assert.deepEqual(s.shownTypes, ['place'], 'unknown types are dropped');
  assert.deepEqual(s.mutedEntities, DEFAULT_SETTINGS.mutedEntities);
});

test('a site is active unless Dramatis is off or the site is in the list', () => {
  const s = sanitizeSettings({ disabledSites: ['example.com'] });
  assert.equal(isActiveOn(s, 'news.test'), true);
  assert.equal(isActiveOn(s, 'Example.com'), false);
  assert.equal(isActiveOn({ ...s, enabled: false }, 'news.test'), false);
});
