import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CLS_OTHER, CLS_SPACE, CLS_WORD, charClass, foldForMatch, foldKey } from '../../src/core/matching/normalize.ts';

/** The original substring each folded code unit came from, for readable assertions. */
function origins(text: string): string[] {
  const { folded, map } = foldForMatch(text);
  return [...folded].map((_, i) => text[map[i]!]!);
}

describe('foldForMatch: Arabic', () => {
  test('strips tashkeel and maps each letter back to its original index', () => {
    const text = 'إسْمَاعِيل';
    const { folded, map } = foldForMatch(text);
    assert.equal(folded, 'اسماعيل');
    assert.deepEqual([...map], [0, 1, 3, 5, 6, 8, 9, 10]);
  });

  test('strips tatweel, superscript alef and Quranic marks', () => {
    assert.equal(foldKey('قـاآني'), 'قااني');
    assert.equal(foldKey('لـ'), 'ل');
    assert.equal(foldKey('رحمٰن'), 'رحمن');
    assert.equal(foldKey('الله\u0610\u061a\u06d6\u06ed'), 'الله');
  });

  test('folds alef forms, alef maksura, ta marbuta and hamza seats; keeps the bare hamza', () => {
    assert.equal(foldKey('أإآٱا'), 'ااااا');
    assert.equal(foldKey('مصطفى'), 'مصطفي');
    assert.equal(foldKey('حماة'), 'حماه');
    assert.equal(foldKey('مؤتمر'), 'موتمر');
    assert.equal(foldKey('رئيس'), 'رييس');
    assert.equal(foldKey('علاء'), 'علاء');
  });

  test('folds Persian and Urdu letters and digits', () => {
    assert.equal(foldKey('اسماعیل قاآنی'), 'اسماعيل قااني');
    assert.equal(foldKey('ې'), 'ي');
    assert.equal(foldKey('کرمان'), 'كرمان');
    assert.equal(foldKey('ۀە'), 'هه');
    assert.equal(foldKey('٢٠٢٠ ۱۴۰۲'), '2020 1402');
  });

  test('keeps قاآني and قآني apart: no extra folds beyond the table', () => {
    assert.equal(foldKey('قاآني'), 'قااني');
    assert.equal(foldKey('قآني'), 'قاني');
  });
});

describe('foldForMatch: Latin', () => {
  test('lower-cases and strips diacritics, precomposed or decomposed', () => {
    assert.equal(foldKey('Qāʾānī'), 'qaani');
    const text = 'Qa\u0304ni\u0304!';
    const { folded, map } = foldForMatch(text);
    assert.equal(folded, 'qani!');
    assert.deepEqual([...map], [0, 1, 3, 4, 6, 7]);
  });

  test('removes every apostrophe form, so Qa’ani and Qaani fold alike', () => {
    for (const a of ["'", '’', '‘', 'ʼ', 'ʻ', '`', '′', 'ʿ', 'ʾ']) assert.equal(foldKey(`Qa${a}ani`), 'qaani', a);
  });

  test('hyphens, dashes and whitespace runs become one space; el- becomes al-', () => {
    for (const t of ['al-Assad', 'al‑Assad', 'al–Assad', 'al Assad', 'Al  Assad', 'al \n\t Assad', 'Al-Assad', 'el-Assad', 'El Assad']) {
      assert.equal(foldKey(t), 'al assad', t);
    }
    assert.equal(foldKey('al—Assad'), 'al—assad', 'the em dash is punctuation');
    assert.equal(foldKey('Michel Aoun'), 'michel aoun', '"el" inside a word is not an article');
    assert.equal(foldKey('el 2020'), 'el 2020', 'only before a Latin word');
  });
});

describe('foldForMatch: both scripts', () => {
  test('removes zero-width and direction characters', () => {
    for (const z of ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\ufeff', '\u2060']) {
      assert.equal(foldKey(`قا${z}آني`), 'قااني');
      assert.equal(foldKey(`Qa${z}ani`), 'qaani');
    }
  });

  test('folds quotation marks to spaces: boundaries, glued or not, and no break inside a name', () => {
    assert.equal(foldKey('لـ”حزب الله”'), 'ل حزب الله');
    assert.equal(foldKey('«قاآني»'), 'قااني');
    assert.equal(foldKey('“BBC”'), 'bbc');
    assert.equal(foldKey('فيلق "القدس'), 'فيلق القدس');
    assert.equal(foldKey('the "Quds" Force'), 'the quds force');
  });

  test('a whitespace run maps to its first character; the map ends at text.length', () => {
    const text = 'حسن \r\n نصر';
    const { folded, map } = foldForMatch(text);
    assert.equal(folded, 'حسن نصر');
    assert.equal(map[3], 3);
    assert.equal(map[folded.length], text.length);
    assert.deepEqual(origins(text).slice(4), ['ن', 'ص', 'ر']);
  });

  test('every BMP character: its fold is stable and of a kept class', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const once = foldForMatch(String.fromCharCode(c)).folded;
      assert.equal(foldForMatch(once).folded, once, `U+${c.toString(16)}`);
      for (const f of once) assert.ok([CLS_WORD, CLS_SPACE, CLS_OTHER].includes(charClass[f.charCodeAt(0)]!));
    }
  });
});

describe('foldForMatch: properties', () => {
  const unit = fc.constantFrom(
    'a', 'E', 'l', 'ā', '\u0304', "'", '’', '-', '–', ' ', '\n', '\u00a0', '\u200c', '\u200f', 'ـ', 'َ', 'ّ', 'أ', 'آ',
    'ة', 'ى', 'ی', 'ک', 'ل', 'ا', 'ب', '«', '"', '.', '٣', 'İ', 'ß', 'ﻻ', '\ud83d', '\ude00', 'x', 's',
  );
  const texts = fc.string({ unit, maxLength: 60 });

  test('the map is strictly increasing, inside the text, and ends at text.length', () => {
    fc.assert(fc.property(texts, (text) => {
      const { folded, map } = foldForMatch(text);
      assert.equal(map.length, folded.length + 1);
      assert.equal(map[folded.length], text.length);
      for (let i = 1; i <= folded.length; i++) assert.ok(map[i]! > map[i - 1]!);
    }));
  });

  test('each folded unit is the fold of the original unit it maps to (el→al aside)', () => {
    fc.assert(fc.property(texts, (text) => {
      const { folded, map } = foldForMatch(text);
      for (let i = 0; i < folded.length; i++) {
        const own = foldForMatch(text[map[i]!]!).folded;
        assert.ok(own === folded[i] || (own === 'e' && folded[i] === 'a'), `${JSON.stringify(text)} @${i}`);
      }
    }));
  });

  test('folding is idempotent', () => {
    fc.assert(fc.property(texts, (text) => {
      const key = foldKey(text);
      assert.equal(foldKey(key), key);
    }));
  });
});
