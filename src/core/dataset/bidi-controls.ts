/**
 * Bidirectional formatting controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) in dataset
 * text: invisible, and wherever the text is shown they reorder what follows (a publisher's name ending in U+202E
 * turned "according to Step, 22 November" into "according to Step0202 ,22 rebmevoN"). No name, quote or article
 * needs them (the UI isolates what it inserts), so every check of a dataset refuses them: `npm run data` and a
 * pack (dataset-validate.ts), a patch (feed-patch-check.ts). Pure.
 */

const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

const NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** The message for a text holding a bidi control, or undefined when it has none. */
export function bidiControlProblem(text: string): string | undefined {
  const found = BIDI_CONTROL.exec(text);
  if (!found) return undefined;
  const code = found[0].charCodeAt(0);
  const name = `U+${code.toString(16).toUpperCase()} ${NAMES[code] ?? ''}`.trim();
  return `Contains the invisible direction control ${name} (at character ${found.index}), which would reorder the text around it wherever it is shown; remove it.`;
}

/**
 * Every text in `value` (a record, a list, a string) holding a bidi control, with its path below `path`
 * (`.name.en`, `[2].quote`). The path is built only for a text that has one: this runs over every string of a
 * pack of 100,000 entities.
 */
export function bidiControlsIn(value: unknown, path: string, found: (path: string, problem: string) => void): void {
  if (!hasBidiControl(value)) return;
  const at: Array<string | number> = [];
  const here = (): string => path + at.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (BIDI_CONTROL.test(v)) found(here(), bidiControlProblem(v)!);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        at.push(i);
        visit(v[i]);
        at.pop();
      }
    } else if (typeof v === 'object' && v !== null) {
      for (const k in v) {
        at.push(k);
        visit((v as Record<string, unknown>)[k]);
        at.pop();
      }
    }
  };
  visit(value);
}

/** Whether any text in `value` holds a bidi control: the fast pass (45 ms for 100,000 entities) before paths. */
function hasBidiControl(v: unknown): boolean {
  if (typeof v === 'string') return BIDI_CONTROL.test(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (hasBidiControl(v[i])) return true;
    return false;
  }
  if (typeof v === 'object' && v !== null) {
    for (const k in v) if (hasBidiControl((v as Record<string, unknown>)[k])) return true;
  }
  return false;
}
