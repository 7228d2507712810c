/**
 * The browsers of scripts/browsers.ts, launched by its startChromium/startFirefox (the same launch as `npm start`
 * and the other suites'), with what the page and card tests need beyond its DriverPage: reading the card's CLOSED
 * shadow root, key chords, touch taps, dark mode, the tabs the extension opens, the extension's
 * storage, and the errors the extension's own scripts raise in a page.
 *
 * The closed root is read through each browser's automation protocol, the way a debugger sees the page, with no
 * help from the extension (no test-only code path exists in it):
 * - Chromium (CDP): DOM.describeNode({pierce: true}) gives the host's shadow root, DOM.resolveNode turns it into
 *   a handle in the page's main world, Runtime.callFunctionOn runs the probe with it;
 * - Firefox (WebDriver BiDi): script.evaluate serialises the host with includeShadowTree: "all", which includes
 *   closed roots, and script.callFunction receives the root by its sharedId.
 * The probe then reads the card's real DOM (innerText, attributes, layout, focus) in the page.
 *
 * The two implementations are page-driver-chromium.ts and page-driver-firefox.ts.
 *
 * Network: only 127.0.0.1 is reachable. Chromium aborts every other request (scripts/browsers.ts does, for every
 * launch); Firefox, here, sends every other request to a local proxy that drops the connection at once, so no
 * page waits on the network.
 */
import type { BrowserName, DriverBrowser, DriverPage } from '../../../scripts/browsers.ts';
import type { CardRootReader } from '../../../scripts/page-probes.ts';
import { launchChromiumForTests } from './page-driver-chromium.ts';
import { launchFirefoxForTests } from './page-driver-firefox.ts';

/** An error or console error raised by the extension's own scripts in a page (never by the page's). */
export interface ExtensionError {
  kind: 'exception' | 'console';
  text: string;
}

export interface TestPage extends DriverPage, CardRootReader {
  readonly browserName: BrowserName;
  /** Loads a URL and resolves at DOMContentLoaded: saved pages may wait forever on their (blocked) resources. */
  open(url: string): Promise<void>;
  /** Presses `key` (a `code`, e.g. 'KeyN', 'Escape') with modifiers held, e.g. chord(['Control'], 'KeyA'). */
  chord(modifiers: string[], key: string): Promise<void>;
  tap(x: number, y: number): Promise<void>;
  /** Moves the pointer from one point to another in `steps` even moves, as fast as the browser takes them. */
  sweep(from: { x: number; y: number }, to: { x: number; y: number }, steps: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /**
   * Switches the page to the dark (or light) colour scheme; false where the browser can't switch a running page
   * (Firefox: launch with LaunchOptions.dark instead).
   */
  colorScheme(dark: boolean): Promise<boolean>;
  /** Runs a script in the page's main world before any of the page's own (on every navigation). */
  addInitScript(source: string): Promise<void>;
  /** Errors the extension's scripts raised in this page since it was opened. */
  extensionErrors(): ExtensionError[];
  /**
   * Collects garbage in the page's process (Chromium: HeapProfiler.collectGarbage over CDP; Firefox: a GC and a
   * cycle collection asked of the content processes from the browser's chrome scope over WebDriver BiDi).
   */
  collectGarbage(): Promise<void>;
  /**
   * Memory after a garbage collection. Chromium: the JS heap of the page's isolate (the page and the content
   * script's isolated world share it) and the count of live DOM nodes (CDP Performance metrics). Firefox: the
   * memory of the tab's content process (ChromeUtils.requestProcInfo), which has no per-isolate JS heap figure.
   */
  memoryAfterGc(): Promise<{ bytes: number; domNodes?: number }>;
}

export interface TestBrowser extends DriverBrowser<TestPage> {
  /** storage.local of the extension, read and written from one of its pages. */
  setStorage(items: Record<string, unknown>): Promise<void>;
  getStorage(area: 'local' | 'session', key: string): Promise<unknown>;
  /** Runs `action`, and resolves with the URL of the tab it made the browser open. */
  urlOfTabOpenedBy(action: () => Promise<void>, timeoutMs?: number): Promise<string>;
}

export interface LaunchOptions {
  /** Firefox only (Chromium switches per page): start with the dark colour scheme. */
  dark?: boolean;
  /** An unpacked build to load instead of dist/chrome or dist/firefox (e.g. a test build). */
  extensionPath?: string;
  /** Leave the welcome tab the install opens (closed by default: see scripts/browsers.ts). */
  keepWelcome?: boolean;
  /** The browser's UI language, which the card and the extension's pages follow (default English). */
  lang?: 'en' | 'ar';
}

export function launchForTests(name: BrowserName, options: LaunchOptions = {}): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromiumForTests(options) : launchFirefoxForTests(options);
}
