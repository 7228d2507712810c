import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';
import { manifestFor } from '../../scripts/manifest-for.ts';

const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

test('Chrome gets a service worker and side_panel, and none of Firefox’s keys', () => {
  const m = manifestFor(source, 'chrome', '1.2.3');
  assert.equal(m.version, '1.2.3');
  assert.deepEqual(m.background, { service_worker: 'background.js', type: 'module' });
  assert.ok('side_panel' in m && !('sidebar_action' in m) && !('browser_specific_settings' in m));
  assert.ok(m.permissions.includes('sidePanel'));
});

test('Firefox gets background scripts, sidebar_action and its gecko id, and none of Chrome’s keys', () => {
  const m = manifestFor(source, 'firefox', '1.2.3');
  assert.deepEqual(m.background, { scripts: ['background.js'], type: 'module' });
  assert.ok('sidebar_action' in m && !('side_panel' in m));
  assert.ok(!m.permissions.includes('sidePanel'));
  const gecko = (m.browser_specific_settings as { gecko: { id: string; data_collection_permissions: unknown } }).gecko;
  assert.equal(gecko.id, 'dramatis@dramatis.example');
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
});

test('the source manifest is not modified by deriving one', () => {
  const before = JSON.stringify(source);
  manifestFor(source, 'chrome', '0.0.1');
  manifestFor(source, 'firefox', '0.0.1');
  assert.equal(JSON.stringify(source), before);
});

test('least permissions: storage, alarms, the menus (and Chrome’s sidePanel); no tabs, no host permissions', () => {
  // The badge needs no permission; a menu click or a command grants activeTab for the tab it was made in.
  assert.deepEqual(source.permissions, ['storage', 'unlimitedStorage', 'alarms', 'contextMenus']);
  assert.equal(source.host_permissions, undefined);
  assert.equal(source.optional_permissions, undefined);
  for (const target of ['chrome', 'firefox'] as const) {
    assert.ok(!manifestFor(source, target, '1.0.0').permissions.includes('tabs'), `${target}: no tabs permission`);
  }
});

test('the browser’s "Extension options" opens the settings page', () => {
  assert.deepEqual(source.options_ui, { page: 'options.html', open_in_tab: true });
});

test('no stylesheet is injected into every page: the highlight rules are added only where Dramatis runs', () => {
  for (const script of source.content_scripts as { css?: string[] }[]) assert.equal(script.css, undefined);
});
