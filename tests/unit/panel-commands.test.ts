import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';
import { manifestFor } from '../../scripts/manifest-for.ts';

const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
type Commands = Record<string, { suggested_key: { default: string } }>;

test('a keyboard shortcut opens the panel: the action in Chrome (it opens the side panel), the sidebar in Firefox', () => {
  const chrome = manifestFor(source, 'chrome', '1.0.0').commands as Commands;
  const firefox = manifestFor(source, 'firefox', '1.0.0').commands as Commands;
  assert.deepEqual(Object.keys(chrome), ['_execute_action']);
  assert.deepEqual(Object.keys(firefox), ['_execute_sidebar_action']);
  // Chrome allows shortcuts with Ctrl or Alt (plus an optional Shift) and one key; the same works in Firefox.
  for (const c of [chrome._execute_action!, firefox._execute_sidebar_action!]) assert.match(c.suggested_key.default, /^(Ctrl|Alt)\+(Shift\+)?[A-Z0-9]$/);
});
