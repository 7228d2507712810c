/** Small steps the panel and reader suites take in an extension page, by keyboard where a user would. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { BrowserName, DriverBrowser, DriverPage } from '../../../scripts/browsers.ts';
import { axeViolations, describeViolations } from '../probes/axe.ts';

/** Firefox shows Arabic UI only with its Arabic langpack (Debian: firefox-esr-l10n-ar). */
export const FIREFOX_AR_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-ar@firefox-esr.mozilla.org.xpi';

/** Why a browser can't show the Arabic UI here (a skip reason), or false when it can. */
export function arabicUiMissing(name: BrowserName): string | false {
  return name === 'firefox' && !existsSync(FIREFOX_AR_LANGPACK)
    ? `Firefox shows extension pages in Arabic only with its Arabic langpack (${FIREFOX_AR_LANGPACK}, Debian package firefox-esr-l10n-ar), which is not installed`
    : false;
}

export async function assertNoAxeViolations(page: DriverPage, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${describeViolations(violations)}`);
}

/** The panel's document in a tab, describing the tab `tabId`. */
export async function openPanel(browser: DriverBrowser, tabId: number): Promise<DriverPage> {
  const panel = await browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await panel.bringToFront();
  await panel.waitFor(() => document.querySelector('[role="tablist"]') !== null, undefined, 15_000);
  return panel;
}

export async function selectTab(panel: DriverPage, id: string): Promise<void> {
  await press(panel, `#tab-${id}`, 'Enter');
  await panel.waitFor((i: string) => document.querySelector(`#tab-${i}`)?.getAttribute('aria-selected') === 'true', id);
}

export async function waitForEntityView(panel: DriverPage, id: string): Promise<void> {
  await panel.waitFor((i: string) => document.querySelector(`article.entity-view[data-entity-id="${i}"]`) !== null, id, 15_000);
}

/** Focuses the element and presses a key, as a keyboard user does. */
export async function press(page: DriverPage, selector: string, key: string): Promise<void> {
  await page.waitFor((s: string) => document.querySelector(s) !== null, selector, 15_000);
  await page.evaluate((s: string) => document.querySelector<HTMLElement>(s)!.focus(), selector);
  await page.keyPress(key);
}

/** Types into an input as an input event (the drivers' key presses don't type Arabic letters in both browsers). */
export async function typeInto(page: DriverPage, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([s, value]: [string, string]) => {
      const input = document.querySelector<HTMLInputElement>(s)!;
      input.focus();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value, inputType: 'insertText' }));
    },
    [selector, text] as [string, string],
  );
}

export function textOf(page: DriverPage, selector: string): Promise<string> {
  return page.evaluate((s: string) => document.querySelector<HTMLElement>(s)?.textContent ?? '', selector);
}

export function attrsOf(page: DriverPage, selector: string, attr: string): Promise<string[]> {
  return page.evaluate(
    ([s, a]: [string, string]) => [...document.querySelectorAll(s)].map((el) => el.getAttribute(a) ?? ''),
    [selector, attr] as [string, string],
  );
}

