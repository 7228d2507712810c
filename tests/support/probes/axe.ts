/**
 * axe-core, loaded one way for every suite: into an extension page (the panel, the reader, the welcome page) or
 * a web page's main world (the card, read through its closed root). An extension's CSP allows only its own
 * scripts, and axe is not one of them: its source goes in as an expression evaluated by the driver (CDP in
 * Chromium, WebDriver BiDi in Firefox), which no page's CSP governs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DriverPage } from '../../../scripts/browsers.ts';
import type { CardRootReader } from '../../../scripts/page-probes.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Evaluates axe's source in the page, unless it is there already. */
async function loadAxe(page: DriverPage): Promise<void> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) {
    // The driver's evaluate takes a string as an expression to run, in both browsers.
    await (page.evaluate as unknown as (expression: string) => Promise<unknown>)(`${AXE_SOURCE}\n;void 0`);
  }
}

/** Runs axe over the whole document (WCAG 2.x A and AA rules and best practices) and returns its violations. */
export async function axeViolations(page: DriverPage): Promise<AxeViolation[]> {
  await loadAxe(page);
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** A readable list for an assertion message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 5).join(', ')}`).join('\n');
}

/** axe (WCAG 2.x A and AA) over an element of the card's closed root (the card, the toast): its violations. */
export async function cardAxeViolations(page: DriverPage & CardRootReader, selector: string): Promise<string[]> {
  await loadAxe(page);
  return page.inCardRoot(async (root, sel: string) => {
    type Axe = { run(ctx: Element, o: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    // axe walks the document through element.shadowRoot, which a closed root hides: show it this root, in this
    // page's world only, for the length of the run.
    Object.defineProperty(root!.host, 'shadowRoot', { value: root, configurable: true });
    try {
      const result = await axe.run(root!.querySelector(sel)!, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    } finally {
      delete (root!.host as { shadowRoot?: unknown }).shadowRoot;
    }
  }, selector);
}
