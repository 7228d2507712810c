/**
 * `npm start [-- --firefox]`: serves the bundled sample article on 127.0.0.1 and opens it in a browser with the
 * built extension loaded. With a display, the browser stays open until Ctrl-C. Without one (or with
 * `--headless`), it shows the product working anyway: it hovers a name, waits for the card and writes a
 * screenshot of the annotated article, then prints the screenshot's path.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLaunchable, launch, type BrowserName, type DriverBrowser } from './browsers.ts';
import { ROOT } from './build.ts';
import { parseCli, runCli } from './cli.ts';
import { hoverName, waitForCard, waitForHighlights } from './page-probes.ts';
import { sampleArticleHtml } from './sample-page.ts';
import { startServer } from './sample-server.ts';

export const USAGE = 'npm start [-- --firefox] [--headless]';

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parseCli({ usage: USAGE, options: { firefox: { type: 'boolean' }, headless: { type: 'boolean' } } }, args);
  const name: BrowserName = values.firefox ? 'firefox' : 'chromium';
  const headless = values.headless === true || !process.env.DISPLAY;
  checkLaunchable(name);

  const server = await startServer({ '/article.html': { body: sampleArticleHtml(ROOT) } });
  const url = `${server.origin}/article.html`;
  let browser: DriverBrowser | undefined;
  try {
    browser = await launch(name, { headless });
    const page = await browser.newPage();
    await page.goto(url);
    await waitForHighlights(page);
    if (!headless) {
      console.log(`Dramatis is running in ${name} on ${url}. Hover a highlighted name; press Ctrl-C to stop.`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    } else {
      await hoverName(page, 'إسماعيل قاآني');
      await waitForCard(page, 'esmail-qaani');
      const dir = join(ROOT, 'test-artifacts');
      mkdirSync(dir, { recursive: true });
      const shot = join(dir, `start-${name}.png`);
      await page.screenshot(shot);
      console.log(`No display: ran ${name} headless on ${url} and hovered «إسماعيل قاآني».`);
      console.log(`Screenshot of the annotated article with its card open: ${shot}`);
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCli('npm start', () => main(process.argv.slice(2)));
