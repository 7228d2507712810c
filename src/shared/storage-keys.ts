/**
 * Every key Dramatis keeps in `browser.storage`, in one place: what each holds, in which area, and who writes
 * it. A key is data that outlives a version of the extension (storage.local survives updates), so a key is never
 * renamed without a migration, and two concepts never share one. tests/unit/conventions.test.ts fails when a
 * file outside this one writes a key as a literal.
 *
 * storage.local: kept across browser restarts and extension updates. storage.session: kept while the browser
 * runs, cleared when it quits (and never visible to content scripts unless allowed).
 */

/** storage.local: the user's Settings (settings-model.ts); every context reads it and follows its changes. */
export const SETTINGS_KEY = 'settings';

/** storage.local: the "Not this one" dismissals per page (core/ui/mention-dismissals.ts has the shape and bounds). */
export const DISMISSALS_KEY = 'dismissedMentions';

/**
 * storage.local: `{ version, at }`, rewritten after every dataset install; content scripts follow it to rescan
 * open tabs with the new data without a reload, and the background to drop its cached matcher.
 */
export const DATASET_STAMP_KEY = 'datasetStamp';

/** storage.session: `{ entityId, at }`, the entity the side panel should show (the openSidePanel request). */
export const PANEL_FOCUS_KEY = 'panelFocus';

/**
 * storage.session: `{ query, at }`, a search the side panel should show (the "Look up" menu item writes it); the
 * panel follows it as it follows PANEL_FOCUS_KEY.
 */
export const PANEL_SEARCH_KEY = 'panelSearch';

/** storage.session: when a content script of each tab last opened the reader (`{ [tabId]: ms }`; a rate limit). */
export const READER_OPENED_KEY = 'readerOpenedFromTab';

/** storage.local: SyncState (sync-api.ts), what the last sync runs did; survives a restart. */
export const SYNC_STATE_KEY = 'syncState';

/** storage.session: SyncProgress of the job running now (absent when nothing runs). */
export const SYNC_PROGRESS_KEY = 'syncProgress';

/** storage.local: `{ job, at }` while a sync job runs; left behind, it tells a restarted worker a job was cut off. */
export const SYNC_RUNNING_KEY = 'syncRunning';

/** storage.local: the feed the reader subscribed to (background/sync/feed-subscription.ts). */
export const FEED_SUBSCRIPTION_KEY = 'feedSubscription';

/** storage.local: a test build's feed and timeouts (background/sync/feed-config.ts); no release build reads it. */
export const SYNC_TEST_CONFIG_KEY = 'syncTestConfig';
