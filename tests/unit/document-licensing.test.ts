import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentLicensing } from '../../src/core/matching/document-licensing.ts';

const AMBIGUOUS = new Set(['bashar-al-assad', 'hassan-nasrallah']);
const hasAmbiguous = (id: string) => AMBIGUOUS.has(id);

test('licences carry forward from chunk to chunk, each recorded where it first appeared', () => {
  const doc = new DocumentLicensing();
  assert.deepEqual(doc.record(0, ['esmail-qaani']), ['esmail-qaani']);
  assert.deepEqual(doc.record(1, ['esmail-qaani', 'bashar-al-assad']), ['bashar-al-assad']);
  assert.deepEqual(doc.licensed.sort(), ['bashar-al-assad', 'esmail-qaani']);
});

/** Sends and answers chunks 0..n-1 one after the other, chunk i licensing `found[i]`. */
function sequential(doc: DocumentLicensing, found: Record<number, string[]>, n: number): void {
  for (let i = 0; i < n; i++) {
    doc.send(i);
    doc.record(i, found[i] ?? []);
  }
}

test('a full name first seen in chunk 3 sends chunks 0–2 back for a second scan', () => {
  const doc = new DocumentLicensing();
  sequential(doc, { 0: ['esmail-qaani'], 3: ['bashar-al-assad'] }, 4);
  assert.deepEqual(doc.rescanChunks(hasAmbiguous), [0, 1, 2]);
});

test('no second scan for entities without ambiguous aliases, or licensed in the first chunk', () => {
  const doc = new DocumentLicensing();
  sequential(doc, { 0: ['hassan-nasrallah'], 5: ['esmail-qaani'] }, 6);
  assert.deepEqual(doc.rescanChunks(hasAmbiguous), []);
});

test('clear starts a new document (an SPA route change)', () => {
  const doc = new DocumentLicensing();
  sequential(doc, { 2: ['bashar-al-assad'] }, 3);
  doc.clear();
  assert.deepEqual(doc.licensed, []);
  assert.deepEqual(doc.rescanChunks(hasAmbiguous), []);
});

test('chunks in flight: only those sent without a licence the document has are scanned again', () => {
  const doc = new DocumentLicensing();
  // Chunks 0–3 go out before any answer is back: all without licences.
  for (const i of [0, 1, 2, 3]) assert.deepEqual(doc.send(i), []);
  doc.record(0, ['esmail-qaani']);
  doc.record(1, ['bashar-al-assad']); // ambiguous aliases: chunks 0, 2 and 3 missed it, chunk 1 found it itself
  assert.deepEqual(doc.send(4).sort(), ['bashar-al-assad', 'esmail-qaani']);
  doc.record(2, []);
  doc.record(3, []);
  doc.record(4, []);
  assert.deepEqual(doc.rescanChunks(hasAmbiguous), [0, 2, 3]);
});

test('no second scan when every chunk went out with the ambiguous licence, or it has no ambiguous aliases', () => {
  const doc = new DocumentLicensing();
  doc.send(0);
  doc.record(0, ['bashar-al-assad', 'esmail-qaani']);
  doc.send(1);
  doc.send(2);
  doc.record(1, []);
  doc.record(2, []);
  doc.send(3);
  doc.record(3, ['esmail-qaani']);
  assert.deepEqual(doc.rescanChunks(hasAmbiguous), []);
});

test('a chunk sent again with the full licence set is no longer due; indexes at or past `below` are left out', () => {
  const doc = new DocumentLicensing();
  doc.send(0);
  doc.send(1);
  doc.send(1_000);
  doc.record(1, ['hassan-nasrallah']);
  assert.deepEqual(doc.rescanChunks(hasAmbiguous, 1_000), [0]);
  assert.deepEqual(doc.rescanChunks(hasAmbiguous), [0, 1_000]);
  doc.send(0);
  assert.deepEqual(doc.rescanChunks(hasAmbiguous, 1_000), []);
  doc.clear();
  assert.deepEqual(doc.rescanChunks(hasAmbiguous), []);
});

test('sequential sending: the chunks before the late licence, not those after it', () => {
  const doc = new DocumentLicensing();
  sequential(doc, { 3: ['bashar-al-assad'] }, 5);
  assert.deepEqual(doc.rescanChunks(hasAmbiguous), [0, 1, 2]);
});
