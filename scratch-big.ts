import { launchForTests } from './tests/browser/page-driver.ts';
import { startServer } from './scripts/sample-server.ts';
import { sharedTestBuild } from './tests/support/test-build.ts';
import { bigNodeHtml } from './tests/browser/living-page-fixtures.ts';
const server = await startServer({ '/big.html': { body: bigNodeHtml(40_000) } });
const build = await sharedTestBuild();
const browser = await launchForTests('chromium', { extensionPath: build.path('chrome') });
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage();
  await page.bringToFront();
  await page.goto(`${server.origin}/big.html`);
  await page.waitFor(() => performance.getEntriesByName('dramatis:scan').length > 0, undefined, 60_000);
  const tasks = await page.evaluate(() => {
    const by: Record<string, { n: number; sum: number; max: number }> = {};
    for (const e of performance.getEntriesByName('dramatis:task')) {
      const d = (e as PerformanceMeasure).detail as string;
      const b = (by[d] ??= { n: 0, sum: 0, max: 0 }); b.n++; b.sum += e.duration; b.max = Math.max(b.max, e.duration);
    }
    return by;
  });
  console.log(JSON.stringify(tasks));
  await page.close();
}
await browser.close(); await server.close(); build.remove();
