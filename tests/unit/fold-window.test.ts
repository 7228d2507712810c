import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FoldWindow, foldWordsBefore } from '../../src/core/matching/fold-window.ts';
import { CLS_OTHER, CLS_SPACE, CLS_WORD, classOf, foldForMatch, isWordCode } from '../../src/core/matching/normalize.ts';

/** Units that exercise every rule of the fold: marks, apostrophes, space runs, dashes, el → al, format chars. */
const unit = fc.constantFrom(
  'a', 'E', 'l', 'el', 'El ', 's', 'ā', '\u0304', "'", '’', '-', '–', ' ', '  ', '\n', '\u00a0', '\u200c', '\u200f',
  'ـ', 'َ', 'ّ', 'أ', 'ة', 'ی', 'ل', 'ا', 'ب', '«', '"', '.', '\0', '٣', 'ß', 'ﻻ', '\ud83d', 'x',
);
const texts = fc.array(unit, { maxLength: 40 }).map((parts) => parts.join(''));

/** The folded units of `win`, as a string. */
const unitsOf = (win: FoldWindow): string => String.fromCharCode(...win.codes.subarray(0, win.len));

describe('FoldWindow', () => {
  test('opened at a word start, a space or a punctuation unit, it holds the whole-text fold from there', () => {
    fc.assert(fc.property(texts, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (text, steps) => {
      const { folded, map } = foldForMatch(text);
      const win = new FoldWindow();
      for (let p = 0; p < text.length; p++) {
        const k = classOf(text.charCodeAt(p));
        let g = 0;
        while (g < folded.length && map[g]! < p) g++;
        const wordStart = k === CLS_WORD && (g === 0 || !isWordCode(folded.charCodeAt(g - 1)));
        if (!wordStart && k !== CLS_SPACE && k !== CLS_OTHER) continue;
        // A space inside a run was folded into the run's first space: the window starts with that space.
        const g0 = map[g] === p ? g : g - 1;
        win.open(text, p);
        // Fill in uneven steps, as a walk does, until the input is exhausted (a fill asked for more that adds
        // nothing: fill folds on until it has what was asked or the input ends).
        for (let s = 0, before = -1; win.len !== before; s++) {
          before = win.len;
          win.fill(win.len + steps[s % steps.length]!);
        }
        assert.equal(unitsOf(win), folded.slice(g0), JSON.stringify({ text, p }));
        for (let i = map[g] === p ? 0 : 1; i < win.len; i++) assert.equal(win.map[i], map[g0 + i], JSON.stringify({ text, p, i }));
      }
    }), { numRuns: 300 });
  });

  test('an e that starts "el" before a Latin word becomes an a once the next word’s letter is folded', () => {
    const win = new FoldWindow();
    win.open('el Assad', 0, 3);
    win.fill(Infinity);
    assert.equal(unitsOf(win), 'el ');
    win.open('el Assad', 0);
    win.fill(4);
    assert.equal(unitsOf(win).slice(0, 4), 'al a');
    win.open('el 2020', 0);
    win.fill(4);
    assert.equal(unitsOf(win).slice(0, 4), 'el 2');
  });

  test('grows past its first size and gives up a large buffer on the next open', () => {
    const text = `${'x'.repeat(70_000)} y`;
    const win = new FoldWindow();
    win.open(text, 0);
    win.fill(Infinity);
    assert.equal(win.len, text.length);
    assert.equal(win.map[70_001], 70_001);
    win.open('ab', 0);
    assert.ok(win.codes.length < 70_000);
    assert.equal(win.fill(5), 2);
    assert.equal(unitsOf(win), 'ab');
  });
});

describe('foldWordsBefore', () => {
  test('folds at least the given number of words before a letter, as the whole-text fold has them', () => {
    fc.assert(fc.property(texts, fc.integer({ min: 1, max: 4 }), (text, words) => {
      const { folded, map } = foldForMatch(text);
      const win = new FoldWindow();
      for (let g = 0; g < folded.length; g++) {
        // Where names start: a word's first letter, or a letter after an Arabic proclitic (not after a Latin one,
        // whose e an el → al further on may still rewrite).
        if (!isWordCode(folded.charCodeAt(g)) || (g > 0 && folded.charCodeAt(g - 1) < 0x80 && isWordCode(folded.charCodeAt(g - 1)))) continue;
        foldWordsBefore(win, text, map[g]!, words);
        const at = win.len - 1;
        assert.equal(win.map[at], map[g], JSON.stringify({ text, g }));
        const before = unitsOf(win);
        // The units before the letter are final; the letter itself may still become an a (el → al) further on.
        assert.equal(before.slice(0, -1), folded.slice(g + 1 - before.length, g), JSON.stringify({ text, g }));
        if (before.length < g + 1) {
          // Opened after the text's start: at a space or punctuation unit, with `words` words before the letter.
          assert.ok(!isWordCode(before.charCodeAt(0)));
          let runs = 0;
          for (let i = 0; i < before.length - 1; i++) {
            if (isWordCode(before.charCodeAt(i)) && (i === 0 || !isWordCode(before.charCodeAt(i - 1)))) runs++;
          }
          assert.ok(runs >= words, JSON.stringify({ text, g, before, words }));
        }
      }
    }), { numRuns: 300 });
  });
});
