/**
 * page-driver.ts for Chromium (playwright-core), on scripts/browsers.ts's startChromium (its flags, the extension,
 * every request but 127.0.0.1's aborted) with touch and the clipboard on top: the closed card root read through
 * CDP (DOM.describeNode with pierce, DOM.resolveNode, Runtime.callFunctionOn), the extension's errors from
 * Runtime events of its own execution contexts.
 */
import type { BrowserContext, CDPSession, Page as PwPage } from 'playwright-core';
import { chromiumBrowser, startChromium, type DriverPage } from '../../../scripts/browsers.ts';
import type { CardRootReader } from '../../../scripts/page-probes.ts';
import type { ExtensionError, LaunchOptions, TestBrowser, TestPage } from './page-driver.ts';
import { probeSource, storageHelpers } from './page-driver-shared.ts';

async function wrapChromiumPage(context: BrowserContext, page: PwPage, extensionOrigin: string): Promise<TestPage> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const errors: ExtensionError[] = [];
  const extensionContexts = new Set<number>();
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.origin === extensionOrigin) extensionContexts.add(e.context.id);
  });
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    const text = d.exception?.description ?? d.text;
    if ((d.executionContextId !== undefined && extensionContexts.has(d.executionContextId)) || text.includes(extensionOrigin) || (d.url ?? '').startsWith(extensionOrigin)) {
      errors.push({ kind: 'exception', text });
    }
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type !== 'error' || !extensionContexts.has(e.executionContextId)) return;
    errors.push({ kind: 'console', text: e.args.map((a) => a.value ?? a.description ?? '').join(' ') });
  });
  await cdp.send('Runtime.enable');

  const reader: CardRootReader['inCardRoot'] = async (fn, arg) => {
    const decl = probeSource(fn as never);
    const argJson = JSON.stringify(arg ?? null);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'dramatis-card-host' });
    let objectId: string | undefined;
    if (nodeId) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
      const shadow = node.shadowRoots?.[0];
      if (shadow) objectId = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })).object.objectId;
    }
    const call = objectId
      ? await cdp.send('Runtime.callFunctionOn', {
          objectId,
          functionDeclaration: `function (argJson) { return (${decl})(this, argJson); }`,
          arguments: [{ value: argJson }],
          returnByValue: true,
          awaitPromise: true,
        })
      : await cdp.send('Runtime.evaluate', { expression: `(${decl})(null, ${JSON.stringify(argJson)})`, returnByValue: true, awaitPromise: true });
    if (call.exceptionDetails) throw new Error(`card probe failed: ${call.exceptionDetails.exception?.description ?? call.exceptionDetails.text}`);
    return JSON.parse(call.result.value as string);
  };

  return {
    browserName: 'chromium',
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    open: async (url) => void (await page.goto(url, { waitUntil: 'domcontentloaded' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 10_000) => void (await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 50 })),
    mouseMove: (x, y) => page.mouse.move(x, y),
    keyPress: (key) => page.keyboard.press(key),
    chord: (modifiers, key) => page.keyboard.press([...modifiers, key].join('+')),
    tap: (x, y) => page.touchscreen.tap(x, y),
    sweep: async (from, to, steps) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.move(to.x, to.y, { steps });
    },
    click: (x, y) => page.mouse.click(x, y),
    screenshot: async (path) => void (await page.screenshot({ path })),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    addInitScript: async (source) => void (await page.addInitScript(source)),
    colorScheme: async (dark) => {
      await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
      return true;
    },
    inCardRoot: reader,
    extensionErrors: () => [...errors],
    collectGarbage: () => collectGarbage(cdp),
    async memoryAfterGc() {
      await collectGarbage(cdp);
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return { bytes: usedSize, domNodes: metrics.find((m) => m.name === 'Nodes')?.value };
    },
  };
}

/** Twice: a collection can free what only the previous one made unreachable (wrappers, then their nodes). */
async function collectGarbage(cdp: CDPSession): Promise<void> {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
}

export async function launchChromiumForTests(options: LaunchOptions): Promise<TestBrowser> {
  const session = await startChromium({
    headless: true,
    extensionPath: options.extensionPath,
    lang: options.lang,
    keepWelcome: options.keepWelcome,
    // Touch for the tap tests; pasting is how tests read what "Copy citation" copied.
    context: { hasTouch: true, permissions: ['clipboard-read', 'clipboard-write'] },
  });
  const { context, extensionOrigin } = session;
  let ext$: Promise<DriverPage> | undefined;
  const browser: TestBrowser = {
    ...chromiumBrowser(session, (p) => wrapChromiumPage(context, p, extensionOrigin)),
    ...storageHelpers(() => (ext$ ??= browser.openExtensionPage('sidepanel.html'))),
    async urlOfTabOpenedBy(action, timeoutMs = 10_000) {
      const opened = context.waitForEvent('page', { timeout: timeoutMs });
      await action();
      const page = await opened;
      await page.waitForURL((u) => u.href !== 'about:blank', { timeout: timeoutMs }).catch(() => undefined);
      const url = page.url();
      await page.close().catch(() => undefined);
      return url;
    },
  };
  return browser;
}
