/**
 * How a fact reads when its label already names the other entity: a role "Commander of the Quds Force" in the
 * Quds Force reads "Commander of the [Quds Force]", the organisation linked inside the title, not repeated
 * after it ("Commander of the Quds Force · Quds Force"). Pure.
 */

/** The label split around the other entity's name, or undefined when the label doesn't name it. */
export function labelAround(label: string, name: string): { before: string; after: string } | undefined {
  if (name === '') return undefined;
  const at = label.indexOf(name);
  return at < 0 ? undefined : { before: label.slice(0, at), after: label.slice(at + name.length) };
}
