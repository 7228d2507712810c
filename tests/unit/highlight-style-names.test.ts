/**
 * The Settings tab names each highlight style for what pages are painted with in it: the
 * "underline" style draws lines and no fill, the "background" style a fill and no line. A name that promises
 * what the page does not show ("Tint and underline" for lines only) fails here. The rules are the stylesheet
 * Dramatis adopts while it runs (src/content/paint/highlight-styles.ts), here with each kind's name as its registry
 * name.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';
import { HIGHLIGHT_KINDS, highlightCss, type HighlightNames } from '../../src/content/paint/highlight-styles.ts';

const css = highlightCss(Object.fromEntries(HIGHLIGHT_KINDS.map((k) => [k, `dramatis-${k}`])) as unknown as HighlightNames);
const messages = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'assets', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const TYPES = ['person', 'organisation', 'media', 'place'];

/** The declarations of the ::highlight() rule for one registry name. */
function rule(name: string): string {
  const m = new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(css);
  assert.ok(m, `the highlight stylesheet has a rule for ${name}`);
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
