import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity } from '../../src/core/dataset/dataset-schema.ts';
import { namedIds, radialLayout, tieIndex, tiesOf, type Tie } from '../../src/core/dataset/entity-graph.ts';
import { bundledPack, entityById } from '../support/pack.ts';

const pack = bundledPack();
const byId = new Map(pack.entities.map((e) => [e.id, e]));
const index = tieIndex(pack.entities);
const namersOf = (id: string): Entity[] => (index.get(id) ?? []).map((n) => byId.get(n)!);

const ev = [{ articleId: 'a', quote: 'q' }];
const label = (en: string) => ({ en, ar: en });
const tie = (otherId: string, direction: Tie['direction']): Tie => ({ otherId, direction, label: label('x'), kind: 'affiliation', evidence: ev });

describe('ties of an entity, both ways', () => {
  it('lists Qaani’s own affiliations and role organisation as outgoing ties', () => {
    const qaani = entityById(pack, 'esmail-qaani');
    const ties = tiesOf(qaani, namersOf(qaani.id));
    const out = new Set(ties.filter((t) => t.direction === 'out').map((t) => t.otherId));
    assert.deepEqual(out, new Set(namedIds(qaani)));
    assert.ok(out.has('quds-force') && out.has('bashar-al-assad'));
  });

  it('lists the entities that name an entity as incoming ties, with their relation', () => {
    // Whoever names the Quds Force in a role or affiliation must appear as an incoming tie of the Quds Force.
    const quds = entityById(pack, 'quds-force');
    const expected = pack.entities.filter((e) => e.id !== quds.id && namedIds(e).includes(quds.id)).map((e) => e.id);
    assert.ok(expected.includes('esmail-qaani'), 'the dataset ties Qaani to the Quds Force');
    const incoming = tiesOf(quds, namersOf(quds.id)).filter((t) => t.direction === 'in');
    assert.deepEqual(new Set(incoming.map((t) => t.otherId)), new Set(expected));
    const fromQaani = incoming.find((t) => t.otherId === 'esmail-qaani');
    assert.equal(fromQaani?.kind, 'role');
    assert.equal(fromQaani?.label.en, 'Commander of the Quds Force');
  });

  it('indexes every namer once per target, never an entity naming itself', () => {
    for (const [target, namers] of index) {
      assert.equal(new Set(namers).size, namers.length, target);
      assert.ok(!namers.includes(target));
    }
  });
});

describe('radial layout', () => {
  it('puts the centre at the origin and neighbours evenly on the circle, from the top, clockwise', () => {
    const layout = radialLayout('c', [tie('b', 'out'), tie('a', 'out'), tie('d', 'out'), tie('e', 'out')], { radius: 100, maxNodes: 20 });
    assert.deepEqual([layout.centre.x, layout.centre.y], [0, 0]);
    assert.deepEqual(layout.others.map((n) => n.id), ['a', 'b', 'd', 'e']);
    assert.deepEqual(layout.others.map((n) => [n.x, n.y]), [[0, -100], [100, 0], [0, 100], [-100, 0]]);
    for (const n of layout.others) assert.ok(Math.abs(Math.hypot(n.x, n.y) - 100) < 0.01);
  });

  it('draws one node per neighbour, merging directions and labels, both-ways ties first', () => {
    const layout = radialLayout('c', [tie('z', 'in'), tie('m', 'out'), tie('m', 'in'), tie('a', 'out')], { radius: 50, maxNodes: 20 });
    assert.deepEqual(layout.others.map((n) => [n.id, n.direction]), [['m', 'both'], ['a', 'out'], ['z', 'in']]);
    assert.equal(layout.others[0]!.labels.length, 1, 'the same label is not repeated');
  });

  it('is deterministic, and counts what it leaves out', () => {
    const ties = Array.from({ length: 30 }, (_, i) => tie(`n${String(i).padStart(2, '0')}`, i % 2 ? 'in' : 'out'));
    const a = radialLayout('c', ties, { radius: 80, maxNodes: 19 });
    const b = radialLayout('c', [...ties].reverse(), { radius: 80, maxNodes: 19 });
    assert.deepEqual(a, b);
    assert.equal(a.others.length, 19);
    assert.equal(a.omitted, 11);
  });

  it('handles an entity with no ties', () => {
    assert.deepEqual(radialLayout('c', [], { radius: 80, maxNodes: 19 }).others, []);
  });
});
