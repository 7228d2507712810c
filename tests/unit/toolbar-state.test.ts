/** What the toolbar button shows for a page, from what its content script reports. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgeText, checkPageStatus, toolbarLook } from '../../src/core/ui/toolbar-state.ts';

test('the badge shows the count, nothing at zero, and 99+ past 99', () => {
  assert.equal(badgeText(0), '');
  assert.equal(badgeText(1), '1');
  assert.equal(badgeText(23), '23');
  assert.equal(badgeText(99), '99');
  assert.equal(badgeText(100), '99+');
  assert.equal(badgeText(Number.NaN), '');
});

test('a page where Dramatis is off shows no count and the muted icon, whatever it found before', () => {
  assert.deepEqual(toolbarLook({ state: 'on', entities: 5, site: 'a.example' }), { text: '5', muted: false });
  assert.deepEqual(toolbarLook({ state: 'on', entities: 0, site: 'a.example' }), { text: '', muted: false });
  for (const state of ['pageOff', 'siteOff', 'paused'] as const) {
    assert.deepEqual(toolbarLook({ state, entities: 5, site: 'a.example' }), { text: '', muted: true }, state);
  }
});

test('a content script’s report is checked before it is used', () => {
  assert.deepEqual(checkPageStatus({ state: 'siteOff', entities: 0, site: 'News.Example' }), { state: 'siteOff', entities: 0, site: 'news.example' });
  assert.equal(checkPageStatus({ state: 'on', entities: -1, site: '' }), undefined);
  assert.equal(checkPageStatus({ state: 'on', entities: 1.5, site: '' }), undefined);
  assert.equal(checkPageStatus({ state: 'hacked', entities: 1, site: '' }), undefined);
  assert.equal(checkPageStatus('on'), undefined);
  assert.deepEqual(checkPageStatus({ state: 'on', entities: 2, site: 42 }), { state: 'on', entities: 2, site: '' });
});
