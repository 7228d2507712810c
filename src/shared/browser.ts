/**
 * The one browser handle every context uses: webextension-polyfill gives Chrome the promise-based `browser.*`
 * API that Firefox has natively, so no code branches on the browser for ordinary calls.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
