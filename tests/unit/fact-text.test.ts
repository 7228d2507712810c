import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelAround } from '../../src/core/ui/fact-text.ts';

test('a label that names the other entity is split around the name, in either script', () => {
  assert.deepEqual(labelAround('Commander of the Quds Force', 'Quds Force'), { before: 'Commander of the ', after: '' });
  assert.deepEqual(labelAround('قائد فيلق القدس', 'فيلق القدس'), { before: 'قائد ', after: '' });
  assert.deepEqual(labelAround('Leader of Hezbollah in Lebanon', 'Hezbollah'), { before: 'Leader of ', after: ' in Lebanon' });
});

test('a label that does not name it is left alone', () => {
  assert.equal(labelAround('President of Syria', 'Syrian government (Assad era)'), undefined);
  assert.equal(labelAround('met', ''), undefined);
});
