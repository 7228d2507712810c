/**
 * One wording per action, wherever it is offered: the card (src/content), the side panel (src/sidepanel) and the
 * reader (src/pages) take the same message for the same action, and the old synonyms are gone.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';

const en = JSON.parse(readFileSync(join(ROOT, 'assets', '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;

/** The source of every file of an extension context, joined. */
function sourceOf(context: string): string {
  const dir = join(ROOT, 'src', context);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name))
    .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'))
    .join('\n');
}

/** The shared components (src/shared/ui/*.tsx) by name, with their source. */
const components = new Map(
  readdirSync(join(ROOT, 'src', 'shared', 'ui')).filter((f) => f.endsWith('.tsx'))
    .map((f) => [f.slice(0, -'.tsx'.length), readFileSync(join(ROOT, 'src', 'shared', 'ui', f), 'utf8')] as const),
);

/** Whether `source` shows message `key`: itself, or through a shared component it renders. */
function uses(source: string, key: string): boolean {
  const direct = (text: string) => new RegExp(`['"]${key}['"]`).test(text);
  return direct(source) || [...components].some(([name, text]) => source.includes(`<${name}`) && direct(text));
}

test('each action has one message, used by every surface that offers it', () => {
  const card = sourceOf('content');
  const panel = sourceOf('sidepanel');
  const reader = sourceOf('pages');
  const offered: Record<string, string[]> = {
    actionMute: ['card', 'panel', 'reader'],
    actionReadPassage: ['card', 'panel', 'reader'],
    actionMoreInPanel: ['card', 'reader'],
    actionOriginal: ['card', 'panel', 'reader'],
    actionNotThisOne: ['card'],
  };
  const sources: Record<string, string> = { card, panel, reader };
  for (const [key, where] of Object.entries(offered)) {
    assert.ok(key in en, `${key} is in the catalogue`);
    for (const surface of where) assert.ok(uses(sources[surface]!, key), `${surface} says ${key}`);
  }
});

test('the old names of those actions are gone', () => {
  const texts = Object.values(en).map((m) => m.message.toLowerCase());
  for (const synonym of ['read in the article', 'show this passage', "don't show this entity", "don't highlight on pages", 'show in side panel', 'source article']) {
    assert.ok(!texts.includes(synonym), `"${synonym}" is not a message any more`);
  }
});
