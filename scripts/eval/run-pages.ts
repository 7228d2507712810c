/**
 * Loads each page of the evaluation set into headless Chromium with the built extension (dist/chrome), served
 * from 127.0.0.1 as the browser tests serve theirs, asks the content script once its scan is done, and records what the
 * automation contract (`getPageMentions`) reports for the page: exactly what a user's side panel would list.
 * The pages are read in place from the set's folder, never copied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../browsers.ts';
import { startServer } from '../sample-server.ts';
import type { PageMention } from '../../src/shared/api/messages.ts';
import { getPageMentions, tabIdOf } from '../../tests/support/extension-page.ts';

export async function mentionsOfPages(setDir: string, docIds: readonly string[], log: (line: string) => void): Promise<Map<string, PageMention[]>> {
  const server = await startServer();
  for (const id of docIds) server.set(`/${id}.html`, { body: readFileSync(join(setDir, 'pages', `${id}.html`)) });
  const browser = await launchChromium({ headless: true });
  const found = new Map<string, PageMention[]>();
  try {
    const probe = await browser.openExtensionPage('sidepanel.html');
    for (const id of docIds) {
      const url = `${server.origin}/${id}.html`;
      const page = await browser.newPage();
      try {
        await page.bringToFront();
        await page.goto(url);
        const tabId = await tabIdOf(probe, url);
        // The content script answers once its first scan is done (a normal build writes no timings to wait on);
        // ask until two answers agree, so no late rescan (licensing) is cut off.
        let last = '';
        let mentions: PageMention[] = [];
        for (let round = 0; round < 20; round++) {
          mentions = (await getPageMentions(probe, tabId)).mentions;
          const now = JSON.stringify(mentions);
          if (now === last) break;
          last = now;
          await new Promise((r) => setTimeout(r, 250));
        }
        found.set(id, mentions);
        log(`  ${id}: ${mentions.reduce((n, m) => n + m.count, 0)} mention(s)`);
      } finally {
        await page.close();
      }
    }
    await probe.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return found;
}
