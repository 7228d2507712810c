/**
 * axe-core in an extension page, for the panel and reader suites. The extension's CSP allows only its own
 * scripts, and axe is not one of them: its source goes in as an expression evaluated by the driver (CDP in
 * Chromium, WebDriver BiDi in Firefox), which the page's CSP does not govern.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DriverPage } from '../../../scripts/browsers.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe over the whole document (WCAG 2.x A and AA rules and best practices) and returns its violations. */
export async function axeViolations(page: DriverPage): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) {
    // The driver's evaluate takes a string as an expression to run, in both browsers.
    await (page.evaluate as unknown as (expression: string) => Promise<unknown>)(`${AXE_SOURCE}\n;void 0`);
  }
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
