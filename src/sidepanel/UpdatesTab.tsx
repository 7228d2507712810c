/**
 * The Updates tab: which dataset is installed, when the feed was and will be checked, "Check now", a progress
 * bar while a sync or an import runs, the last error in plain words (the data is unchanged then: say so), what
 * the last update changed, the feed and who signs it (FeedSection.tsx; without one, that the installed data
 * stays as it is and nothing is checked), import of a pack file and export of the dataset. Everything shown comes from the
 * background's status (storage + getSyncStatus), followed live through storage.onChanged; dataset text (entity
 * names) is rendered as text only.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { feedFreshness } from '../core/feed/feed-schedule.ts';
import { browser } from '../shared/browser.ts';
import { formatIsoDate } from '../core/ui/iso-date.ts';
import { isolated, t, uiLanguage, type MessageKey } from '../shared/i18n.ts';
import { isLocal, type DatasetInfo } from '../shared/api/messages.ts';
import { DATASET_STAMP_KEY, SYNC_PROGRESS_KEY, SYNC_STATE_KEY } from '../shared/storage-keys.ts';
import { EmptyState } from './EmptyState.tsx';
import { FeedSection } from './FeedSection.tsx';
import { sendToBackground } from '../shared/api/send.ts';
import {
  IMPORT_CHUNK_CHARS, type SyncOutcome, type SyncPhase, type SyncStatus,
} from '../shared/api/sync-api.ts';

const lang = uiLanguage();
const when = (ms: number | undefined): string =>
  ms === undefined ? t('syncNever') : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
/** A publication date-time as a day, written as every date in Dramatis is (src/core/ui/iso-date.ts). */
const day = (iso: string): string => formatIsoDate(iso.slice(0, 10), lang);

/** Progress of the panel's own part of an import (sending the file), before the background takes over. */
interface LocalProgress {
  phase: SyncPhase;
  done: number;
  total: number;
}

function useSyncStatus(): [SyncStatus | null, () => void] {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const refresh = useCallback(() => {
    void sendToBackground('getSyncStatus', {}).then(setStatus, () => undefined);
  }, []);
  useEffect(() => {
    refresh();
    // Any change of storage.local may be the status's (the sync state, the dataset stamp, the feed chosen).
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' || SYNC_STATE_KEY in changes || SYNC_PROGRESS_KEY in changes || DATASET_STAMP_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    // The browser keeps our data for good only if asked; a worker can't ask (the API is for pages), so we do.
    void navigator.storage?.persist?.().catch(() => false);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  return [status, refresh];
}

/** Where the installed data came from: the copy built in, the feed, or a file the reader imported (local). */
function Origin({ dataset }: { dataset: DatasetInfo }) {
  if (dataset.source === undefined) return null;
  let text: string;
  if (dataset.source === 'import') {
    const date = when(dataset.importedAt);
    text = dataset.fileName ? t('syncOrigin_import', [isolated(dataset.fileName), date]) : t('syncOrigin_importUnnamed', date);
  } else {
    text = t(dataset.source === 'feed' ? 'syncOrigin_feed' : 'syncOrigin_bundled');
  }
  return <p class="sync-origin" data-source={dataset.source}>{text}</p>;
}

export function UpdatesTab() {
  const [status, refresh] = useSyncStatus();
  const [local, setLocal] = useState<LocalProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [imported, setImported] = useState<number | null>(null);

  const run = async (job: () => Promise<SyncOutcome>) => {
    setRunning(true);
    setImported(null);
    try {
      return await job();
    } finally {
      setRunning(false);
      setLocal(null);
      refresh();
    }
  };

  const checkNow = () => void run(() => sendToBackground('checkNow', {}));
  const restore = () => void run(() => sendToBackground('restorePublished', {}));

  const importFile = async (file: File) => {
    const outcome = await run(async () => {
      const text = await file.text();
      const importId = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const count = Math.max(1, Math.ceil(text.length / IMPORT_CHUNK_CHARS));
      for (let i = 0; i < count; i++) {
        setLocal({ phase: 'upload', done: i, total: count });
        await sendToBackground('importChunk', { importId, index: i, text: text.slice(i * IMPORT_CHUNK_CHARS, (i + 1) * IMPORT_CHUNK_CHARS) });
      }
      setLocal(null);
      return sendToBackground('importCommit', { importId, count, fileName: file.name });
    });
    if (outcome.ok) setImported(outcome.version);
  };

  const exportDataset = async () => {
    const pack = await sendToBackground('exportDataset', {});
    const url = URL.createObjectURL(new Blob([JSON.stringify(pack)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${pack.datasetId}-${pack.version}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  if (!status) return null;
  const { dataset, state } = status;
  const progress = local ?? status.progress;
  const busy = running || progress !== null;
  const error = state.lastError;
  const change = state.lastChange;
  const bundled = !change || change.source === 'bundled';
  const freshness = feedFreshness(state, Date.now());
  return (
    <section class="updates" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      {dataset && (
        <p class="sync-dataset" data-version={dataset.version}>
          {t('syncDataset', [dataset.datasetId, String(dataset.version)])}
          <br />
          <span class="status">{t('syncPublished', [day(dataset.published), String(dataset.entityCount)])}</span>
        </p>
      )}
      {dataset && <Origin dataset={dataset} />}
      {isLocal(dataset ?? undefined) && (
        <p>
          <button type="button" class="sync-restore" onClick={restore} disabled={busy} aria-describedby="sync-restore-hint">{t('syncRestore')}</button>
          <br />
          <span id="sync-restore-hint" class="status">{t('syncRestoreHint')}</span>
        </p>
      )}
      {!status.feed && (
        <div class="sync-no-feed">
          <EmptyState kind="feed-not-set" title={t(bundled ? 'syncBundledNoFeed' : 'syncInstalledNoFeed')} />
        </div>
      )}
      {state.reseededAt !== undefined && <p class="sync-restored" role="status">{t('syncRestored', when(state.reseededAt))}</p>}
      {state.damaged && (
        <p class="sync-damaged" role="status" data-repaired={state.damaged.repairedAt !== undefined}>
          {state.damaged.repairedAt === undefined
            ? t('syncDamaged', [when(state.damaged.at), isolated(state.damaged.detail)])
            : t('syncDamagedRepaired', [when(state.damaged.at), isolated(state.damaged.detail), when(state.damaged.repairedAt)])}
        </p>
      )}
      {status.feed && (
        <>
          {freshness.stale && !busy && (
            <p class="sync-stale" role="status">
              {freshness.since === undefined ? t('syncStale_never') : t('syncStale_since', when(freshness.since))}
            </p>
          )}
          <dl class="sync-times">
            <dt>{t('syncLastCheck')}</dt>
            <dd class="sync-last-check">
              {when(state.lastCheckAt)}
              {state.lastResult && ` · ${t(`syncResult_${state.lastResult}` as MessageKey)}`}
            </dd>
            <dt>{t('syncNextCheck')}</dt>
            <dd class="sync-next-check">{when(state.nextCheckAt)}</dd>
          </dl>
          <button type="button" class="sync-check-now" onClick={checkNow} disabled={busy}>{t('syncCheckNow')}</button>
        </>
      )}
      {progress && (
        <div class="sync-progress">
          <label for="sync-progress-bar">{t('syncProgress', t(`syncPhase_${progress.phase}` as MessageKey))}</label>
          {progress.total > 0 ? (
            <progress id="sync-progress-bar" max={progress.total} value={Math.min(progress.done, progress.total)} />
          ) : (
            <progress id="sync-progress-bar" />
          )}
        </div>
      )}
      {/* A status, not an alert: a failed check changes nothing and is retried; it should not shout. */}
      <div role="status" aria-live="polite">
        {error && !busy && (
          <div class="sync-error" data-code={error.code}>
            <p>{t(`syncError_${error.code}` as MessageKey)}</p>
            {error.code !== 'offline' && error.code !== 'network' && <p>{t('syncErrorTitle')}</p>}
            {error.detail && <p class="status sync-error-detail" dir="auto">{t('syncErrorDetail', isolated(error.detail))}</p>}
          </div>
        )}
        {imported !== null && <p class="sync-imported">{t('syncImported', String(imported))}</p>}
      </div>
      {change && (
        <div class="sync-change" data-source={change.source}>
          <p>{t('syncLastChange', [String(change.to), t(`syncSource_${change.source}` as MessageKey)])}</p>
          <p class="status">
            {change.changed === undefined
              ? t('syncChangeCountsById', [String(change.added), String(change.removed)])
              : t('syncChangeCounts', [String(change.added), String(change.changed), String(change.removed)])}
          </p>
          {change.names.length > 0 && (
            <ul aria-label={t('syncChangedNames')} class="sync-changed-names">
              {change.names.map((n) => (
                <li key={n.id} data-entity-id={n.id} dir="auto">{lang === 'ar' ? n.ar : n.en}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <FeedSection feed={status.feed} signedBy={state.signedBy} busy={busy} onChanged={refresh} />
      <p>
        <label for="sync-import">{t('syncImport')}</label>
        <br />
        <input
          id="sync-import"
          type="file"
          accept=".json,application/json"
          aria-describedby="sync-import-hint"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) void importFile(file).finally(() => (input.value = ''));
          }}
        />
        <br />
        <span id="sync-import-hint" class="status">{t('syncImportHint')}</span>
      </p>
      <button type="button" class="sync-export" onClick={() => void exportDataset()} disabled={busy || !dataset}>{t('syncExport')}</button>
    </section>
  );
}
