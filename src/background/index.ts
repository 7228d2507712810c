/**
 * Background entry (Chrome service worker, Firefox background script). Everything is registered synchronously
 * at the top level, as a restarted worker must be ready for the event that woke it.
 */
import { browser } from '../shared/browser.ts';
import { listen } from '../shared/api/listen.ts';
import { paramsProblem } from '../shared/api/param-errors.ts';
import { restoreToolbarLook, wireToolbarBadge } from './action-badge.ts';
import { createMenus, wireMenus } from './action-menus.ts';
import { ensureDataset } from './store/bundled-pack.ts';
import { wireCommands } from './commands.ts';
import { reportDamage } from './store/dataset-health.ts';
import { whenDamaged } from './store/entity-buckets.ts';
import { access, handlers, schemas } from './api-handlers.ts';
import { wireToolbarButton } from './side-panel.ts';
import { startSync } from './sync/start-sync.ts';
import { wireWelcome } from './welcome.ts';

listen(handlers, access, schemas, paramsProblem);
whenDamaged(reportDamage);
wireToolbarButton();
wireToolbarBadge();
wireMenus();
wireCommands();
wireWelcome();
startSync();

const report = (what: string) => (err: unknown) => console.error(`Dramatis: ${what} failed:`, err);

/** Menus and the toolbar's look are the browser's state: set at install and again at every browser start. */
const setUpToolbar = () => {
  void createMenus()
    .catch(report('creating the menus'))
    .then(restoreToolbarLook)
    .catch(report('setting the toolbar button'));
};

browser.runtime.onInstalled.addListener(() => {
  ensureDataset().catch(report('seeding the dataset'));
  setUpToolbar();
});
browser.runtime.onStartup.addListener(setUpToolbar);
