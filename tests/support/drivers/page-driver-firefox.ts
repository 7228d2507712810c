/**
 * page-driver.ts for Firefox ESR (puppeteer-core over WebDriver BiDi), on scripts/browsers.ts's startFirefox (its
 * prefs, the extension's install) with a network proxy and dark mode on top: the closed card root read through
 * script.evaluate with includeShadowTree "all" and script.callFunction, the extension's errors from log entries
 * of realms other than the page's, every request but 127.0.0.1's sent to a proxy that drops it.
 */
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { Browser as PpBrowser, Page as PpPage } from 'puppeteer-core';
import { firefoxBrowser, startFirefox, type DriverPage } from '../../../scripts/browsers.ts';
import type { CardRootReader } from '../../../scripts/page-probes.ts';
import type { ExtensionError, LaunchOptions, TestBrowser, TestPage } from './page-driver.ts';
import { probeSource, storageHelpers } from './page-driver-shared.ts';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, handler: (params: Record<string, unknown>) => void): void;
}

interface BidiRemote {
  type: string;
  value?: unknown;
  sharedId?: string;
}

async function wrapFirefoxPage(browser: PpBrowser, page: PpPage, extensionOrigin: string): Promise<TestPage> {
  const conn = (browser as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const errors: ExtensionError[] = [];
  // The page's own realm: errors from any other realm of this tab come from the content script.
  let pageRealm: string | undefined;
  const findPageRealm = async () => {
    const r = await conn.send('script.evaluate', { expression: '1', target: { context }, awaitPromise: false });
    pageRealm = r.result.realm as string;
  };
  conn.on('log.entryAdded', (e) => {
    const source = e.source as { realm?: string; context?: string } | undefined;
    if (source?.context !== context || e.level !== 'error') return;
    const frames = (e.stackTrace as { callFrames?: { url: string }[] } | undefined)?.callFrames ?? [];
    const fromExtension = frames.some((f) => f.url.startsWith(extensionOrigin)) || (pageRealm !== undefined && source.realm !== pageRealm && !frames.some((f) => f.url.startsWith('http')));
    if (fromExtension) errors.push({ kind: e.type === 'console' ? 'console' : 'exception', text: String(e.text) });
  });

  const reader: CardRootReader['inCardRoot'] = async (fn, arg) => {
    const found = await conn.send('script.evaluate', {
      expression: 'document.querySelector("dramatis-card-host")',
      target: { context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const value = (found.result.result as { value?: { shadowRoot?: BidiRemote | null } }).value;
    const shadow = value?.shadowRoot;
    const out = await conn.send('script.callFunction', {
      functionDeclaration: probeSource(fn as never),
      arguments: [shadow?.sharedId ? { sharedId: shadow.sharedId } : { type: 'null' }, { type: 'string', value: JSON.stringify(arg ?? null) }],
      target: { context },
      awaitPromise: true,
    });
    if (out.result.type === 'exception') {
      throw new Error(`card probe failed: ${JSON.stringify(out.result.exceptionDetails).slice(0, 500)}`);
    }
    return JSON.parse((out.result.result as BidiRemote).value as string);
  };

  const chord = async (modifiers: string[], key: string) => {
    for (const m of modifiers) await page.keyboard.down(m as never);
    await page.keyboard.press(key as never);
    for (const m of [...modifiers].reverse()) await page.keyboard.up(m as never);
  };

  return {
    browserName: 'firefox',
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
      await findPageRealm();
    },
    open: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' }).catch(async (err: unknown) => {
        // Firefox's remote agent ends the wait with "Address rejected" when one of the page's frames shows an
        // error page (its request was refused), although the page itself loads: go on if it is the page.
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href !== url) throw err;
      });
      await page.waitForFunction(() => document.readyState !== 'loading', { timeout: 30_000, polling: 50 });
      await findPageRealm();
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 10_000) => void (await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 50 }, arg)),
    mouseMove: (x, y) => page.mouse.move(x, y),
    keyPress: (key) => page.keyboard.press(key as never),
    chord,
    tap: (x, y) => page.touchscreen.tap(x, y),
    sweep: async (from, to, steps) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.move(to.x, to.y, { steps });
    },
    click: (x, y) => page.mouse.click(x, y),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    addInitScript: async (source) => void (await page.evaluateOnNewDocument(source)),
    colorScheme: async () => false,
    inCardRoot: reader,
    extensionErrors: () => [...errors],
    collectGarbage: () => collectInContentProcesses(conn),
    async memoryAfterGc() {
      await collectInContentProcesses(conn);
      const url = await page.evaluate(() => location.href);
      const bytes = await inChrome<number>(conn, `(async () => {
        const info = await ChromeUtils.requestProcInfo();
        const child = info.children.find((c) => (c.windows ?? []).some((w) => w.documentURI?.spec === ${JSON.stringify(url)}));
        return child ? child.memory : -1;
      })()`);
      if (bytes < 0) throw new Error(`no content process shows ${url}`);
      return { bytes };
    },
  };
}

/** Runs an expression in the browser's chrome scope (needs --remote-allow-system-access) and returns its value. */
async function inChrome<R>(conn: BidiConnection, expression: string): Promise<R> {
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const context = (tree.result.contexts as { context: string }[])[0]!.context;
  const out = await conn.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (out.result.type === 'exception') throw new Error(`chrome-scope script failed: ${JSON.stringify(out.result.exceptionDetails).slice(0, 300)}`);
  return (out.result.result as BidiRemote).value as R;
}

/**
 * A garbage collection and a cycle collection (DOM nodes are freed by the latter) in every content process,
 * twice: what the second frees was kept by what the first released. The requests are asynchronous; the pauses
 * let each process run them.
 */
async function collectInContentProcesses(conn: BidiConnection): Promise<void> {
  await inChrome(conn, `(async () => {
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 2; i++) {
      Services.obs.notifyObservers(null, 'child-gc-request');
      await pause(300);
      Services.obs.notifyObservers(null, 'child-cc-request');
      await pause(300);
    }
    return true;
  })()`);
}

/**
 * A local "proxy" that drops every connection at once. Firefox refuses ports it considers unsafe (9, the usual
 * closed port, is one), so the dead end must be a real, allowed port.
 */
async function deadEndProxy(): Promise<{ port: number; close(): void }> {
  const server = createTcpServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

export async function launchFirefoxForTests(options: LaunchOptions): Promise<TestBrowser> {
  const proxy = await deadEndProxy();
  const session = await startFirefox({
    headless: true,
    extensionPath: options.extensionPath,
    lang: options.lang,
    keepWelcome: options.keepWelcome,
    prefs: {
      // Everything but 127.0.0.1 goes to a proxy that drops the connection: failed at once, no DNS, no waiting.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      ...(options.dark ? { 'layout.css.prefers-color-scheme.content-override': 0, 'ui.systemUsesDarkTheme': 1 } : {}),
    },
  });
  const { browser, extensionOrigin } = session;
  const conn = (browser as unknown as { connection: BidiConnection }).connection;
  await conn.send('session.subscribe', { events: ['log.entryAdded'] });
  let ext$: Promise<DriverPage> | undefined;
  const testBrowser: TestBrowser = {
    ...firefoxBrowser(session, (p) => wrapFirefoxPage(browser, p, extensionOrigin)),
    // The storage page is opened once; a failed opening is not kept, so the next call tries again.
    ...storageHelpers(() => (ext$ ??= testBrowser.openExtensionPage('sidepanel.html').catch((err: unknown) => {
      ext$ = undefined;
      throw err;
    }))),
    async urlOfTabOpenedBy(action, timeoutMs = 10_000) {
      const before = new Set(browser.targets());
      await action();
      const target = await browser.waitForTarget((t) => t.type() === 'page' && !before.has(t), { timeout: timeoutMs });
      const page = await target.page();
      if (!page) throw new Error('the new tab has no page');
      // An extension page's target reads about:blank; the document inside knows its URL.
      let url = '';
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        url = await page.evaluate(() => location.href).catch(() => '');
        if (url && url !== 'about:blank') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await page.close().catch(() => undefined);
      return url;
    },
    async close() {
      await session.close();
      proxy.close();
    },
  };
  return testBrowser;
}
