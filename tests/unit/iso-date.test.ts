/** One way to write a date per UI language, wherever Dramatis shows one, only as precise as the data. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIsoDate } from '../../src/core/ui/iso-date.ts';

test('English: day, month and year, day first', () => {
  assert.equal(formatIsoDate('2020-11-22', 'en'), '22 November 2020');
  assert.equal(formatIsoDate('2020-11', 'en'), 'November 2020');
  assert.equal(formatIsoDate('2020', 'en'), '2020');
});

test('Arabic: both month names, as Arabic news writes them, and Western digits like the articles', () => {
  assert.equal(formatIsoDate('2020-11-22', 'ar'), '22 تشرين الثاني/نوفمبر 2020');
  assert.equal(formatIsoDate('2020-05', 'ar'), 'أيار/مايو 2020');
  assert.equal(formatIsoDate('2024', 'ar'), '2024');
  assert.doesNotMatch(formatIsoDate('2020-11-22', 'ar'), /[٠-٩]/);
});

test('no time zone moves the day', () => {
  assert.equal(formatIsoDate('2020-01-01', 'en'), '1 January 2020');
  assert.equal(formatIsoDate('2020-12-31', 'en'), '31 December 2020');
});

test('what is not an ISO date is shown as given', () => {
  assert.equal(formatIsoDate('22/11/2020', 'en'), '22/11/2020');
  assert.equal(formatIsoDate('2020-13-01', 'en'), '2020-13-01');
});
