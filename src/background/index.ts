/**
 * Background entry (Chrome service worker, Firefox background script). Everything is registered synchronously
 * at the top level, as a restarted worker must be ready for the event that woke it.
 */
import { browser } from '../shared/browser.ts';
import { listen } from '../shared/listen.ts';
import { ensureDataset } from './bundled-pack.ts';
import { reportDamage } from './dataset-health.ts';
import { whenDamaged } from './entity-buckets.ts';
import { access, handlers } from './handlers.ts';
import { wireToolbarButton } from './side-panel.ts';
import { startSync } from './sync/start-sync.ts';

listen(handlers, access);
whenDamaged(reportDamage);
wireToolbarButton();
startSync();

browser.runtime.onInstalled.addListener(() => {
  ensureDataset().catch((err: unknown) => console.error('Dramatis: seeding the dataset failed:', err));
});
