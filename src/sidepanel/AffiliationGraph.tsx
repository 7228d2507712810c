/**
 * A picture of an entity's ties: the entity in the middle and every entity tied to it on a circle around it
 * (core/dataset/entity-graph.ts lays them out), each a focusable SVG link that opens that entity. Lines run solid for
 * ties the entity states, dashed for ties others state about it, and thick for both. The same ties are listed
 * as text beside it, so the picture adds overview, not information only it holds.
 */
import type { Entity } from '../core/dataset/dataset-schema.ts';
import { radialLayout, type GraphNode, type Tie } from '../core/dataset/entity-graph.ts';
import { t, tCount } from '../shared/i18n.ts';
import { inUi } from './entity-text.ts';

const RADIUS = 90;
const MAX_NODES = 19;
const WIDTH = 460;
const HEIGHT = 310;
const LINE_CHARS = 14;
const LINE_HEIGHT = 15;

/** A name in lines of about LINE_CHARS, broken between words; never cut, so the label says the whole name. */
export function labelLines(name: string): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= LINE_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A label beside its node, away from the centre, so it crosses neither the node's line nor the others'. */
function Label({ node, name }: { node: GraphNode; name: string }) {
  const lines = labelLines(name);
  const d = Math.hypot(node.x, node.y) || 1;
  const [ux, uy] = [node.x / d, node.y / d];
  const anchor = ux > 0.3 ? 'start' : ux < -0.3 ? 'end' : 'middle';
  const x = node.x + ux * 14;
  // Above a node at the top, below one at the bottom, centred on the others.
  const block = (lines.length - 1) * LINE_HEIGHT;
  const y = uy < -0.7 ? node.y - 14 - block : uy > 0.7 ? node.y + 22 : node.y + 4 - block / 2;
  return (
    <text x={x} y={y} text-anchor={anchor}>
      {lines.map((line, i) => (
        // The trailing space keeps the words apart in the text a screen reader or axe reads.
        <tspan key={i} x={x} dy={i === 0 ? 0 : LINE_HEIGHT}>{i < lines.length - 1 ? `${line} ` : line}</tspan>
      ))}
    </text>
  );
}

export interface GraphProps {
  entity: Entity;
  ties: readonly Tie[];
  related: ReadonlyMap<string, Entity>;
  onOpenEntity: (entityId: string) => void;
}

export function AffiliationGraph({ entity, ties, related, onOpenEntity }: GraphProps) {
  const layout = radialLayout(entity.id, ties, { radius: RADIUS, maxNodes: MAX_NODES });
  if (layout.others.length === 0) return null;
  const nameOf = (id: string) => {
    const e = related.get(id);
    return e ? inUi(e.name) : id;
  };
  const node = (n: GraphNode) => {
    const name = nameOf(n.id);
    const relation = n.labels.map(inUi).join('; ');
    const open = (e: Event) => {
      e.preventDefault();
      onOpenEntity(n.id);
    };
    return (
      <a
        key={n.id}
        class={`node node-${n.direction}`}
        href={`#entity-${n.id}`}
        data-entity-id={n.id}
        aria-label={t('panelGraphNodeLabel', [name, relation])}
        onClick={open}
      >
        <title>{`${name} — ${relation}`}</title>
        <circle cx={n.x} cy={n.y} r={8} />
        <Label node={n} name={name} />
      </a>
    );
  };
  return (
    <figure class="graph">
      <svg
        viewBox={`${-WIDTH / 2} ${-HEIGHT / 2} ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={t('panelGraphLabel', inUi(entity.name))}
        data-entity-id={entity.id}
      >
        {layout.others.map((n) => (
          <line key={`edge-${n.id}`} class={`edge edge-${n.direction}`} x1={0} y1={0} x2={n.x} y2={n.y} />
        ))}
        <g class="node node-centre" data-entity-id={entity.id}>
          <circle cx={0} cy={0} r={12} />
          <text x={0} y={32} text-anchor="middle">{inUi(entity.name)}</text>
        </g>
        {layout.others.map(node)}
      </svg>
      <figcaption>
        {t('panelGraphLegend')}
        {layout.omitted > 0 && ` ${tCount('panelGraphMore', layout.omitted)}`}
      </figcaption>
    </figure>
  );
}
