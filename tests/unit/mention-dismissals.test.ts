/** "Not this one": one mention, recognised again on the same page, kept within bounds, undone exactly. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MAX_PAGES, MAX_PER_PAGE, dismissedOn, mentionKey, pageKey, sanitizeDismissals, withDismissal, withoutDismissal,
} from '../../src/core/ui/mention-dismissals.ts';

test('a page is the same page whatever its #fragment, and another page with another query', () => {
  assert.equal(pageKey('https://news.example/a?id=1#top'), pageKey('https://news.example/a?id=1'));
  assert.notEqual(pageKey('https://news.example/a?id=1'), pageKey('https://news.example/a?id=2'));
  assert.match(pageKey('https://news.example/a'), /^[0-9a-f]{14}$/);
  assert.ok(!pageKey('https://news.example/a').includes('news'), 'the address itself is not stored');
});

test('a mention is known again by its text and what surrounds it, folded', () => {
  const a = mentionKey('united-states', 'Watch tonight: Good Morning ', 'America', ' live at nine');
  const b = mentionKey('united-states', 'Watch  tonight: Good Morning ', 'america', ' live at nine, then');
  assert.equal(a, b, 'spacing, case and text further away do not matter');
  assert.notEqual(a, mentionKey('united-states', 'Troops left ', 'America', ' in the spring'));
  assert.notEqual(a, mentionKey('other', 'Watch tonight: Good Morning ', 'America', ' live at nine'));
});

test('dismissing and undoing', () => {
  const page = pageKey('https://news.example/show');
  const d1 = withDismissal({ pages: {} }, page, 'k1', 1);
  const d2 = withDismissal(d1, page, 'k2', 2);
  assert.deepEqual([...dismissedOn(d2, page)], ['k1', 'k2']);
  assert.deepEqual([...dismissedOn(withoutDismissal(d2, page, 'k1'), page)], ['k2']);
  assert.deepEqual(withoutDismissal(withoutDismissal(d2, page, 'k1'), page, 'k2'), { pages: {} });
  assert.equal(dismissedOn(d2, pageKey('https://news.example/other')).size, 0);
});

test('bounded: the oldest pages and keys go first', () => {
  let d = { pages: {} };
  for (let i = 0; i < MAX_PAGES + 5; i++) d = withDismissal(d, pageKey(`https://x.example/${i}`), 'k', i);
  assert.equal(Object.keys(d.pages).length, MAX_PAGES);
  assert.equal(dismissedOn(d, pageKey('https://x.example/0')).size, 0);
  assert.equal(dismissedOn(d, pageKey(`https://x.example/${MAX_PAGES + 4}`)).size, 1);
  const page = pageKey('https://x.example/many');
  for (let i = 0; i < MAX_PER_PAGE + 3; i++) d = withDismissal(d, page, `k${i}`, 1000);
  const keys = dismissedOn(d, page);
  assert.equal(keys.size, MAX_PER_PAGE);
  assert.ok(!keys.has('k0') && keys.has(`k${MAX_PER_PAGE + 2}`));
});

test('storage is input: malformed entries are dropped', () => {
  const page = pageKey('https://news.example/');
  assert.deepEqual(sanitizeDismissals({ pages: { [page]: { at: 3, keys: ['a', 4, 'b'] }, nothex: { at: 1, keys: ['x'] }, [pageKey('y')]: 'no' } }),
    { pages: { [page]: { at: 3, keys: ['a', 'b'] } } });
  assert.deepEqual(sanitizeDismissals(undefined), { pages: {} });
  assert.deepEqual(sanitizeDismissals([1, 2]), { pages: {} });
});
