/**
 * The Settings tab names each highlight style for what pages are painted with in it (assets/content.css): the
 * "underline" style draws lines and no fill, the "background" style a fill and no line. A name that promises
 * what the page does not show ("Tint and underline" for lines only) fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';

const css = readFileSync(join(ROOT, 'assets', 'content.css'), 'utf8');
const messages = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'assets', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const TYPES = ['person', 'organisation', 'media', 'place'];

/** The declarations of the ::highlight() rule for one registry name. */
function rule(name: string): string {
  const m = new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(css);
  assert.ok(m, `content.css has a rule for ${name}`);
  return m[1]!;
}

test('the "underline" style paints a line and no fill, and is named so in both languages', () => {
  for (const type of TYPES) {
    const decl = rule(`dramatis-${type}`);
    assert.match(decl, /text-decoration:\s*underline/);
    assert.doesNotMatch(decl, /background/);
  }
  assert.equal(messages('en').panelStyleUnderline!.message, 'Underline');
  assert.equal(messages('ar').panelStyleUnderline!.message, 'خط تحتي');
  for (const lang of ['en', 'ar']) assert.doesNotMatch(messages(lang).panelStyleUnderline!.message, /tint|تلوين/i);
});

test('the "background" style paints a fill and no line, and is named so in both languages', () => {
  for (const type of TYPES) {
    const decl = rule(`dramatis-${type}-filled`);
    assert.match(decl, /background-color/);
    assert.doesNotMatch(decl, /text-decoration/);
  }
  assert.equal(messages('en').panelStyleBackground!.message, 'Tint');
  assert.equal(messages('ar').panelStyleBackground!.message, 'تلوين');
  for (const lang of ['en', 'ar']) assert.doesNotMatch(messages(lang).panelStyleBackground!.message, /underline|خط/i);
});
