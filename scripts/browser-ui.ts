/**
 * The browser's own UI around the extension, for tests: the welcome tab an install opens, the extension's
 * commands (keyboard shortcuts), its menu items on the toolbar button and on a selection, and the toolbar button.
 *
 * How each browser is reached, without any help from the extension:
 * - Firefox (WebDriver BiDi, started with --remote-allow-system-access): script.evaluate in the browser window's
 *   privileged ("chrome") context. There the test does what a reader's input does: it opens the toolbar button's
 *   real context menu and activates an item (Dramatis gets menus.onClicked with activeTab, as from a click), runs
 *   a command through the browser's own key binding for it, reads the button's badge, pins the button, and draws
 *   the toolbar into an image.
 * - Chromium (playwright): the toolbar and its menus are native views no protocol reaches, and synthesized keys
 *   never reach the browser's shortcut handling. So the test checks a menu item exists through the extension's
 *   own service worker (contextMenus.update rejects an unknown id) and delivers the click or the command by
 *   dispatching the browser's event there (`onClicked.dispatch`, `onCommand.dispatch`), with the tab the reader
 *   would be in. Dispatched events carry no user gesture, so Chrome refuses sidePanel.open() from them.
 */
import type { BrowserContext, Worker } from 'playwright-core';
import type { Browser as PpBrowser } from 'puppeteer-core';
import { GECKO_ID } from './browsers.ts';

export interface MenuItem {
  id: string;
  /** As the browser shows it; undefined where the browser can't be asked (Chromium). */
  title: string | undefined;
  enabled: boolean | undefined;
}

export interface BrowserUi {
  /** Waits up to `timeoutMs` for the welcome tab the install opens; resolves whether it came. */
  waitForWelcome(timeoutMs?: number): Promise<boolean>;
  /** Closes the welcome tab(s) the install opened, waiting up to `timeoutMs` for one; resolves how many. */
  closeWelcome(timeoutMs?: number): Promise<number>;
  /** The number of tabs showing the extension's page at `path` (e.g. '/welcome.html') now. */
  tabsShowing(path: string): Promise<number>;
  /**
   * Updates the extension in place, as far as each browser allows: Firefox reloads the add-on (as
   * about:debugging does; onInstalled then says "update"); Chromium disables a command-line extension that
   * reloads itself, so its worker gets onInstalled({ reason: "update" }) dispatched instead.
   */
  updateExtension(): Promise<void>;
  /** Runs a manifest command in the active tab, as its shortcut would. */
  runCommand(name: string): Promise<void>;
  /** Dramatis's items of the toolbar button's context menu, as the browser shows them (ids: the extension's). */
  actionMenu(ids: readonly string[]): Promise<MenuItem[]>;
  /** Chooses an item of the toolbar button's context menu in the active tab (`pageUrl`: that tab's page). */
  chooseActionMenuItem(id: string, pageUrl: string): Promise<void>;
  /**
   * Right-clicks at (x, y) in the active tab, whose page (`pageUrl`) has `selection` selected, and chooses the
   * extension's item `id`; resolves the item's title as the menu shows it (Firefox), or undefined (Chromium).
   */
  chooseSelectionMenuItem(id: string, at: { x: number; y: number; selection: string; pageUrl: string }): Promise<string | undefined>;
  /**
   * Chromium: evaluates `expression` (awaited) in the extension's content-script world of the tab showing
   * `pageUrl`, as code running there would (CDP reaches that isolated world; Firefox's protocol does not).
   */
  inContentScript?(pageUrl: string, expression: string): Promise<unknown>;
  /** Firefox: the toolbar button's badge as the toolbar draws it, and where the button is in the window. */
  toolbarBadge?(): Promise<{ text: string; background: string; tooltip: string; rect: { x: number; y: number; width: number; height: number } }>;
  /** Firefox: pins the button to the toolbar (as a reader would from the extensions menu). */
  pinButton?(): Promise<void>;
  /** Firefox: a PNG of the top `height` pixels of the browser window (tabs, address bar, toolbar). */
  toolbarImage?(height?: number): Promise<Buffer>;
  /** Whether Dramatis's side panel (Chromium) or sidebar (Firefox) is open. */
  sidebarOpen(): Promise<boolean>;
}

const WELCOME = '/welcome.html';

// ---------------------------------------------------------------- Chromium

export function chromiumUi(context: BrowserContext, extensionOrigin: string): BrowserUi {
  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin));
    if (live) return live;
    // A stopped worker starts again for any extension event; opening one of its pages is one.
    const page = await context.newPage();
    try {
      const waiting = context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(extensionOrigin), timeout: 15_000 });
      await page.goto(`${extensionOrigin}/options.html`).catch(() => undefined);
      return context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin)) ?? (await waiting);
    } finally {
      await page.close().catch(() => undefined);
    }
  };
  const pagesShowing = (path: string) => context.pages().filter((p) => p.url().startsWith(extensionOrigin) && new URL(p.url()).pathname === path);
  const welcomePages = () => pagesShowing(WELCOME);
  type Chrome = {
    tabs: { query(q: object): Promise<Array<{ id?: number }>> };
    commands: { onCommand: unknown };
    contextMenus: { update(id: string, p: object): Promise<void>; onClicked: unknown };
  };
  // A tab the extension opens is about:blank for a moment before its URL commits: poll the URLs.
  const waitForWelcome = async (timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (welcomePages().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return welcomePages().length > 0;
  };
  return {
    waitForWelcome,
    async closeWelcome(timeoutMs = 15_000) {
      await waitForWelcome(timeoutMs);
      const pages = welcomePages();
      for (const p of pages) await p.close().catch(() => undefined);
      return pages.length;
    },
    async tabsShowing(path) {
      return pagesShowing(path).length;
    },
    async updateExtension() {
      await (await worker()).evaluate(() => {
        const c = (globalThis as unknown as { chrome: { runtime: { onInstalled: unknown } } }).chrome;
        (c.runtime.onInstalled as { dispatch(d: object): void }).dispatch({ reason: 'update', previousVersion: '0.0.1' });
      });
    },
    async runCommand(name) {
      await (await worker()).evaluate(async (command: string) => {
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        (c.commands.onCommand as unknown as { dispatch(n: string, t: unknown): void }).dispatch(command, tab);
      }, name);
    },
    async actionMenu(ids) {
      const present = await (await worker()).evaluate(async (list: string[]) => {
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        return Promise.all(list.map((id) => c.contextMenus.update(id, {}).then(() => true, () => false)));
      }, [...ids]);
      return ids.filter((_, i) => present[i]).map((id) => ({ id, title: undefined, enabled: undefined }));
    },
    async chooseActionMenuItem(id, pageUrl) {
      await (await worker()).evaluate(async ({ id, pageUrl }: { id: string; pageUrl: string }) => {
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        // The click grants activeTab: the listener then sees the tab's URL.
        (c.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch({ menuItemId: id, editable: false, pageUrl }, { ...tab, url: pageUrl });
      }, { id, pageUrl });
    },
    async sidebarOpen() {
      // The side panel is a target of its own, not one of the context's pages (tabs).
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        const url = `${extensionOrigin}/sidepanel.html`;
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ url: string }> };
        return targetInfos.filter((t) => t.url === url).length > context.pages().filter((p) => p.url() === url).length;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async inContentScript(pageUrl, expression) {
      const page = context.pages().find((p) => p.url() === pageUrl);
      if (!page) throw new Error(`no tab shows ${pageUrl}`);
      const cdp = await context.newCDPSession(page);
      try {
        const worlds: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
        cdp.on('Runtime.executionContextCreated', (e) => void worlds.push(e.context as never));
        await cdp.send('Runtime.enable');
        const world = worlds.find((w) => w.origin === extensionOrigin && w.auxData?.type === 'isolated');
        if (!world) throw new Error('the content script has no world in this page');
        const out = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
        return out.exceptionDetails ? { exception: out.exceptionDetails.exception?.description ?? out.exceptionDetails.text } : out.result.value;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async chooseSelectionMenuItem(id, { selection, pageUrl }) {
      await (await worker()).evaluate(async ({ id, selection, pageUrl }: { id: string; selection: string; pageUrl: string }) => {
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        await c.contextMenus.update(id, {}); // rejects if the item does not exist
        const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        (c.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(
          { menuItemId: id, editable: false, pageUrl, selectionText: selection }, { ...tab, url: pageUrl });
      }, { id, selection, pageUrl });
      return undefined;
    },
  };
}

// ---------------------------------------------------------------- Firefox

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** Firefox's id for the extension's widgets: its id, lower case, with anything but [a-z0-9_-] made "_". */
const widgetOf = (geckoId: string) => geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

export function firefoxUi(browser: PpBrowser): BrowserUi {
  const WIDGET = widgetOf(GECKO_ID);
  const conn = (browser as unknown as { connection: BidiConnection }).connection;
  /** Runs `body` (the text of an async function's body) in the browser window's chrome context; JSON back. */
  const inChrome = async <T>(body: string, arg: unknown = null): Promise<T> => {
    const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const contexts = tree.result.contexts as Array<{ context: string; url: string }>;
    const win = contexts.find((c) => c.url.startsWith('chrome://browser/'))?.context ?? contexts[0]?.context;
    if (!win) throw new Error('no browser window');
    const out = await conn.send('script.callFunction', {
      functionDeclaration: `async (argJson) => { const arg = JSON.parse(argJson); const widget = ${JSON.stringify(WIDGET)}; ${body} }`,
      arguments: [{ type: 'string', value: JSON.stringify(arg) }],
      target: { context: win },
      awaitPromise: true,
    });
    if (out.result.type === 'exception') throw new Error(`chrome script failed: ${JSON.stringify(out.result.exceptionDetails).slice(0, 600)}`);
    const value = (out.result.result as { value?: unknown }).value;
    return (typeof value === 'string' ? JSON.parse(value) : null) as T;
  };
  const countTabs = (path: string) => inChrome<number>(`
    const origin = ${JSON.stringify(`moz-extension://`)};
    return JSON.stringify(gBrowser.tabs.filter((t) => { const u = t.linkedBrowser.currentURI.spec; return u.startsWith(origin) && new URL(u).pathname === arg; }).length);`, path);
  const countWelcome = () => countTabs(WELCOME);
  /** Opens the toolbar button's context menu as a right-click does; `then` runs with `menu` open, which it closes. */
  const withActionMenu = <T>(then: string, arg: unknown) => inChrome<T>(`
    let item = document.getElementById(widget + '-browser-action');
    if (!item) { CustomizableUI.addWidgetToArea(widget + '-browser-action', CustomizableUI.AREA_NAVBAR); item = document.getElementById(widget + '-browser-action'); }
    const button = document.getElementById(widget + '-BAP') ?? item;
    const menu = document.getElementById('toolbar-context-menu');
    const shown = new Promise((r) => menu.addEventListener('popupshown', r, { once: true }));
    let trigger;
    button.addEventListener('contextmenu', (e) => { trigger = e; e.preventDefault(); }, { once: true });
    button.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 }));
    menu.openPopup(button, { position: 'after_start', isContextMenu: true, triggerEvent: trigger });
    await shown;
    const ours = (id) => menu.querySelector('#' + CSS.escape(widget + '-menuitem-_' + id));
    ${then}`, arg);
  const waitForWelcome = async (timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while ((await countWelcome()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return (await countWelcome()) > 0;
  };
  return {
    waitForWelcome,
    async closeWelcome(timeoutMs = 15_000) {
      await waitForWelcome(timeoutMs);
      return inChrome<number>(`
        const tabs = gBrowser.tabs.filter((t) => { const u = t.linkedBrowser.currentURI.spec; return u.startsWith('moz-extension://') && new URL(u).pathname === ${JSON.stringify(WELCOME)}; });
        for (const t of tabs) gBrowser.removeTab(t);
        return JSON.stringify(tabs.length);`);
    },
    tabsShowing: countTabs,
    async updateExtension() {
      await inChrome(`
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        const addon = await AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)});
        await addon.reload();
        return 'null';`);
    },
    async runCommand(name) {
      await inChrome(`
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
        const command = (await extension.shortcuts.allCommands()).find((c) => c.name === arg);
        if (!command?.shortcut) throw new Error('no shortcut for ' + arg);
        const parts = command.shortcut.split('+');
        const keyName = parts.pop();
        const modifiers = parts.map((m) => ({ Alt: 'alt', Shift: 'shift', Ctrl: 'accel', Command: 'accel', MacCtrl: 'control' })[m]).sort().join(',');
        const keyset = document.getElementById('ext-keyset-id-' + widget);
        const key = [...keyset.children].find((k) => k.getAttribute('key') === keyName && k.getAttribute('modifiers').split(',').sort().join(',') === modifiers);
        if (!key) throw new Error('no key binding for ' + command.shortcut);
        key.doCommand();
        return 'null';`, name);
    },
    actionMenu(ids) {
      return withActionMenu<MenuItem[]>(`
        const items = arg.map((id) => ours(id)).filter(Boolean).map((el) => ({
          id: el.id.slice((widget + '-menuitem-_').length), title: el.getAttribute('label'), enabled: el.getAttribute('disabled') !== 'true',
        }));
        menu.hidePopup();
        return JSON.stringify(items);`, ids);
    },
    async chooseActionMenuItem(id) {
      await withActionMenu(`
        const el = ours(arg);
        if (!el) { menu.hidePopup(); throw new Error('no menu item ' + arg); }
        menu.activateItem(el);
        return 'null';`, id);
    },
    async chooseSelectionMenuItem(id, { x, y, pageUrl }) {
      await inChrome(`
        const menu = document.getElementById('contentAreaContextMenu');
        window.__dramatisMenuShown = new Promise((r) => menu.addEventListener('popupshown', r, { once: true }));
        return 'null';`);
      // A real right-click, through the protocol's input actions, in the tab showing the page.
      const tree = await conn.send('browsingContext.getTree', { maxDepth: 0 });
      const context = (tree.result.contexts as Array<{ context: string; url: string }>).find((c) => c.url === pageUrl)?.context;
      if (!context) throw new Error(`no tab shows ${pageUrl}`);
      await conn.send('input.performActions', {
        context,
        actions: [{
          type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: Math.round(x), y: Math.round(y) },
            { type: 'pointerDown', button: 2 },
            { type: 'pointerUp', button: 2 },
          ],
        }],
      });
      return inChrome<string>(`
        const menu = document.getElementById('contentAreaContextMenu');
        await Promise.race([window.__dramatisMenuShown, new Promise((r) => setTimeout(r, 5000))]);
        const el = menu.querySelector('#' + CSS.escape(widget + '-menuitem-_' + arg));
        if (!el || el.hidden) { menu.hidePopup(); throw new Error('the selection menu has no item ' + arg); }
        const label = el.getAttribute('label');
        menu.activateItem(el);
        return JSON.stringify(label);`, id);
    },
    async toolbarBadge() {
      return inChrome(`
        const button = document.getElementById(widget + '-BAP');
        const badge = button?.querySelector('.toolbarbutton-badge');
        const r = button?.getBoundingClientRect() ?? { x: 0, y: 0, width: 0, height: 0 };
        return JSON.stringify({
          text: button?.getAttribute('badge') ?? '', background: badge ? getComputedStyle(badge).backgroundColor : '', tooltip: button?.getAttribute('tooltiptext') ?? '',
          rect: { x: r.x, y: r.y, width: r.width, height: r.height },
        });`);
    },
    async pinButton() {
      await inChrome(`CustomizableUI.addWidgetToArea(widget + '-browser-action', CustomizableUI.AREA_NAVBAR); return 'null';`);
    },
    async toolbarImage(height = 90) {
      const url = await inChrome<string>(`
        const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = window.innerWidth;
        canvas.height = arg;
        const g = canvas.getContext('2d');
        g.drawWindow(window, 0, 0, canvas.width, canvas.height, 'white', g.DRAWWINDOW_DRAW_VIEW | g.DRAWWINDOW_USE_WIDGET_LAYERS);
        return JSON.stringify(canvas.toDataURL('image/png'));`, height);
      return Buffer.from(url.split(',')[1]!, 'base64');
    },
    async sidebarOpen() {
      return inChrome<boolean>(`return JSON.stringify(SidebarController.isOpen && SidebarController.currentID === widget + '-sidebar-action');`);
    },
  };
}
