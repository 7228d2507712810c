/**
 * Launches the system browsers with the built extension loaded, behind one small interface so the demo, the
 * benchmarks and the browser tests drive Chromium (playwright-core) and Firefox ESR (puppeteer-core over WebDriver
 * BiDi) alike. The one launcher per browser: the tests' drivers (tests/support/drivers) start theirs here too
 * (startChromium, startFirefox) and add only what tests need on top (touch, a network proxy, pages that read the
 * card's closed root). Nothing here downloads a browser: both libraries drive /usr/bin/chromium and
 * /usr/bin/firefox-esr.
 */
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { chromiumUi, firefoxUi, type BrowserUi } from './browser-ui.ts';
import { distDir } from './build.ts';

export type BrowserName = 'chromium' | 'firefox';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'dramatis@dramatis.example';
/** Pinned so moz-extension:// URLs are stable across runs (Firefox picks a random one per profile). */
export const FIREFOX_UUID = '6d1b7a8e-3c2f-4e59-9d0a-5b7c1e2f3a40';

/** What a test or the demo does with a page, in either browser. */
export interface DriverPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  keyPress(key: string): Promise<void>;
  /** Presses `key` (a `code`, e.g. 'KeyV') with modifiers held, e.g. chord(['Control'], 'KeyV'). */
  chord(modifiers: string[], key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** A browser with the extension loaded; its pages are `P` (tests/support/drivers gives them more than DriverPage). */
export interface DriverBrowser<P extends DriverPage = DriverPage> {
  name: BrowserName;
  /** The origin of the extension's own pages (chrome-extension://… or moz-extension://…). */
  extensionOrigin: string;
  newPage(): Promise<P>;
  /** Opens one of the extension's pages (path relative to the extension root) in a new tab. */
  openExtensionPage(path: string): Promise<P>;
  /**
   * Chromium only: stops the extension's service worker now, as the browser does to an idle or runaway worker
   * (CDP Target.closeTarget). Firefox's background is an event page, which it does not offer to stop.
   */
  stopExtensionWorker?(): Promise<void>;
  /** The browser's UI around the extension: welcome tab, commands, menus, toolbar button (browser-ui.ts). */
  ui: BrowserUi;
  close(): Promise<void>;
}

/**
 * `keepWelcome`: leave the welcome tab the install opens (by default it is closed once it has opened, so a run
 * starts with only the tabs it opens, and the welcome tab never takes the focus from a page under test).
 */
export interface LaunchOptions {
  headless: boolean;
  extensionPath?: string;
  lang?: UiLang;
  keepWelcome?: boolean;
}

/** Flags that keep Chromium off the network: this machine has none, and refused connections only add noise. */
const QUIET_CHROMIUM = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps',
];

/**
 * Chromium's command line, the one copy of it (the launchers below, the tests' drivers through them, and the
 * benchmarks, which also launch without the extension): quiet, in `lang`'s UI language, with the unpacked
 * extension at `extensionPath` loaded when given.
 */
export function chromiumArgs(options: { extensionPath?: string; lang?: UiLang } = {}): string[] {
  const ext = options.extensionPath;
  return [...QUIET_CHROMIUM, options.lang === 'ar' ? '--lang=ar' : '--lang=en-US',
    ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : [])];
}

/** Only 127.0.0.1 exists here; anything else would hang a page until it times out, so it is refused at once. */
export async function refuseNonLocal(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
}

function wrapPlaywright(page: PwPage): DriverPage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 10_000) => void (await page.waitForFunction(fn as never, arg, { timeout: timeoutMs })),
    mouseMove: (x, y) => page.mouse.move(x, y),
    keyPress: (key) => page.keyboard.press(key),
    chord: (modifiers, key) => page.keyboard.press([...modifiers, key].join('+')),
    screenshot: async (path) => void (await page.screenshot({ path })),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/**
 * Loads a moz-extension:// URL in `page`. goto() of such a URL loads the page but never resolves: start it and
 * poll instead. The poll can start in about:blank's realm, which the navigation discards (puppeteer then rejects
 * with a bare "Waiting failed"; wait again), and now and then, under load or not (1 in 30 here), the navigation
 * never arrives and every poll of the stale realm fails the same way until the deadline (seen in CI: a panel that
 * never opened in 30 s). So navigate again after any 5 s round that did not see the page, within 30 s in all.
 */
export async function loadExtensionPage(page: PpPage, url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    void page.goto(url).catch(() => undefined);
    const round = Math.min(Date.now() + 5_000, deadline);
    for (;;) {
      try {
        await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: Math.max(1, round - Date.now()), polling: 50 }, url);
        return;
      } catch (err) {
        if (Date.now() >= deadline) throw err;
        if (Date.now() >= round) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }
}

function wrapPuppeteer(page: PpPage): DriverPage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 10_000) => {
      // A realm the wait started in can be discarded under it (Firefox reports a bare "Waiting failed", seen
      // under load on extension pages): wait again in the new one, within the same deadline.
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          await page.waitForFunction(fn as never, { timeout: Math.max(1, deadline - Date.now()), polling: 50 }, arg);
          return;
        } catch (err) {
          if ((err as Error).message !== 'Waiting failed' || Date.now() >= deadline) throw err;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    keyPress: (key) => page.keyboard.press(key as never),
    chord: async (modifiers, key) => {
      for (const m of modifiers) await page.keyboard.down(m as never);
      await page.keyboard.press(key as never);
      for (const m of [...modifiers].reverse()) await page.keyboard.up(m as never);
    },
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** The UI language the browser runs in: Dramatis's pages follow it (`ar` needs Firefox's Arabic langpack). */
export type UiLang = 'en' | 'ar';

/**
 * A Chromium started with the extension, before its pages are wrapped: what a driver needing the browser itself
 * builds on (tests/support/drivers: CDP sessions per page, the tabs the extension opens).
 */
export interface ChromiumSession {
  context: BrowserContext;
  extensionOrigin: string;
  ui: BrowserUi;
  close(): Promise<void>;
}

export interface ChromiumLaunchOptions extends LaunchOptions {
  /** More of Playwright's context options (the tests: touch, the clipboard's permissions). */
  context?: Pick<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, 'hasTouch' | 'permissions'>;
}

/** Starts Chromium with the extension, its install's welcome tab handled as `keepWelcome` says. */
export async function startChromium(options: ChromiumLaunchOptions): Promise<ChromiumSession> {
  const extensionPath = options.extensionPath ?? distDir('chrome');
  const profile = mkdtempSync(join(tmpdir(), 'dramatis-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    viewport: { width: 1100, height: 800 },
    ...options.context,
    // --lang picks the extension's messages; `locale` makes i18n.getUILanguage() agree (--lang alone doesn't).
    ...(options.lang === 'ar' ? { locale: 'ar' } : {}),
    args: chromiumArgs({ extensionPath, lang: options.lang }),
  });
  await refuseNonLocal(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  const ui = chromiumUi(context, extensionOrigin);
  if (options.keepWelcome) await ui.waitForWelcome();
  else await ui.closeWelcome();
  for (const p of context.pages()) if (!p.url().startsWith(extensionOrigin)) await p.close().catch(() => undefined);
  return {
    context,
    extensionOrigin,
    ui,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The DriverBrowser over a started Chromium, each of its pages wrapped by `wrap`. */
export function chromiumBrowser<P extends DriverPage>(session: ChromiumSession, wrap: (page: PwPage) => P | Promise<P>): DriverBrowser<P> {
  const { context, extensionOrigin } = session;
  return {
    name: 'chromium',
    extensionOrigin,
    ui: session.ui,
    newPage: async () => wrap(await context.newPage()),
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return wrap(page);
    },
    async stopExtensionWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
        const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin));
        if (workers.length === 0) throw new Error('no extension service worker is running');
        for (const w of workers) await cdp.send('Target.closeTarget', { targetId: w.targetId });
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    close: () => session.close(),
  };
}

export async function launchChromium(options: LaunchOptions): Promise<DriverBrowser> {
  return chromiumBrowser(await startChromium(options), wrapPlaywright);
}

/** A Firefox started with the extension, before its pages are wrapped (as ChromiumSession). */
export interface FirefoxSession {
  browser: PpBrowser;
  extensionOrigin: string;
  ui: BrowserUi;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions extends LaunchOptions {
  /** More preferences, over the launcher's own (the tests: a proxy for the network, the dark colour scheme). */
  prefs?: Record<string, unknown>;
}

/** Starts Firefox with the extension installed, its install's welcome tab handled as `keepWelcome` says. */
export async function startFirefox(options: FirefoxLaunchOptions): Promise<FirefoxSession> {
  const ext = options.extensionPath ?? distDir('firefox');
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless,
    defaultViewport: { width: 1100, height: 800 },
    // System access lets a test open moz-extension:// pages directly (see openExtensionPage), and reach the
    // browser's own ("chrome") scope (browser-ui.ts, the tests' garbage collection).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.locale.requested': options.lang === 'ar' ? 'ar' : 'en-US',
      ...options.prefs,
    },
  });
  await browser.installExtension(ext);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  const ui = firefoxUi(browser);
  if (options.keepWelcome) await ui.waitForWelcome();
  else await ui.closeWelcome();
  return { browser, extensionOrigin, ui, close: async () => void (await browser.close().catch(() => undefined)) };
}

/** The DriverBrowser over a started Firefox, each of its pages wrapped by `wrap`. */
export function firefoxBrowser<P extends DriverPage>(session: FirefoxSession, wrap: (page: PpPage) => P | Promise<P>): DriverBrowser<P> {
  const { browser, extensionOrigin } = session;
  return {
    name: 'firefox',
    extensionOrigin,
    ui: session.ui,
    newPage: async () => wrap(await browser.newPage()),
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // Wrapped first, so a driver that listens to the page (the tests' error log) hears its loading too.
      const driver = await wrap(page);
      await loadExtensionPage(page, `${extensionOrigin}/${path}`);
      return driver;
    },
    close: () => session.close(),
  };
}

export async function launchFirefox(options: LaunchOptions): Promise<DriverBrowser> {
  return firefoxBrowser(await startFirefox(options), wrapPuppeteer);
}

/**
 * Checks that the browser binary and the built extension are where `launch` looks for them, with a message that
 * says what to do when not (tools print it as their one line).
 */
export function checkLaunchable(name: BrowserName): void {
  const [binary, env] = name === 'chromium' ? [CHROMIUM_PATH, 'CHROMIUM_PATH'] : [FIREFOX_PATH, 'FIREFOX_PATH'];
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    throw new Error(`${name} is not installed at ${binary}: run scripts/install-browsers.sh, or set ${env} to its path`);
  }
  const ext = distDir(name === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`the extension is not built (${ext} is missing): run npm run build`);
}

export function launch(name: BrowserName, options: LaunchOptions): Promise<DriverBrowser> {
  checkLaunchable(name);
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}
