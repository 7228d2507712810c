/**
 * The update feed, in the Updates tab: which feed is checked and who signs it, or that none is set; a form to
 * subscribe to a feed by its URL and its publisher's public key, or by one feed file (dramatis-feed.json) that
 * holds both; and removing a subscription, which keeps the data it brought. The background refuses a feed whose
 * index is not signed by the key given, and this says why in words.
 */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../shared/i18n.ts';
import { sendToBackground } from '../shared/api/send.ts';
import type { FeedInfo, SubscribeOutcome, SubscribeRequest, SyncError } from '../shared/api/sync-api.ts';

export interface FeedSectionProps {
  feed: FeedInfo | null;
  /** The key whose signature last verified. */
  signedBy: string | undefined;
  /** An update or import is running: the controls wait. */
  busy: boolean;
  onChanged: () => void;
}

type Result = { kind: 'subscribed'; feed: FeedInfo; outcome: SubscribeOutcome } | { kind: 'refused'; error: SyncError } | { kind: 'removed' };

function Signers({ feed, signedBy }: { feed: FeedInfo; signedBy: string | undefined }) {
  return (
    <ul class="feed-keys" aria-label={t('feedSignedBy')}>
      {feed.keys.map((k) => (
        <li key={k.keyId} data-key-id={k.keyId}>
          {t('feedKey')} <code dir="ltr">{k.keyId}</code>
          {k.note && <> · <bdi>{k.note}</bdi></>}
          {k.keyId === signedBy && <> · {t('feedKeyVerified')}</>}
        </li>
      ))}
    </ul>
  );
}

export function FeedSection({ feed, signedBy, busy, onChanged }: FeedSectionProps) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const disabled = busy || working;

  const subscribe = async (request: SubscribeRequest) => {
    setWorking(true);
    setResult(null);
    try {
      const outcome = await sendToBackground('subscribeFeed', request);
      setResult(outcome.ok ? { kind: 'subscribed', feed: outcome.feed, outcome } : { kind: 'refused', error: outcome.error });
      if (outcome.ok) {
        setUrl('');
        setKey('');
      }
    } catch (err) {
      setResult({ kind: 'refused', error: { code: 'storage', detail: err instanceof Error ? err.message : String(err), at: Date.now() } });
    } finally {
      setWorking(false);
      onChanged();
    }
  };

  const remove = async () => {
    setWorking(true);
    try {
      await sendToBackground('removeFeed', {});
      setResult({ kind: 'removed' });
    } finally {
      setWorking(false);
      onChanged();
    }
  };

  return (
    <section class="feed" aria-labelledby="feed-title">
      <h3 id="feed-title">{t('feedTitle')}</h3>
      {feed ? (
        <div class="feed-current" data-source={feed.source}>
          <p class="feed-url">
            {t('feedFrom')} <bdi dir="ltr">{feed.url}</bdi>
          </p>
          <p class="feed-signer">
            {feed.publisher ? t('feedPublisher', feed.publisher) : t('feedSignedBy')}
          </p>
          <Signers feed={feed} signedBy={signedBy} />
          {feed.source === 'built-in' ? (
            <p class="status">{t('feedBuiltIn')}</p>
          ) : (
            <p>
              <button type="button" class="feed-remove" onClick={() => void remove()} disabled={disabled} aria-describedby="feed-remove-hint">
                {t('feedRemove')}
              </button>
              <br />
              <span id="feed-remove-hint" class="status">{t('feedRemoveHint')}</span>
            </p>
          )}
        </div>
      ) : (
        <p class="feed-none">{t('feedNone')}</p>
      )}

      <form class="feed-subscribe" aria-labelledby="feed-subscribe-title" onSubmit={(e) => {
          e.preventDefault();
          void subscribe({ feedUrl: url, publicKey: key });
        }}>
        <h4 id="feed-subscribe-title">{feed ? t('feedReplace') : t('feedSubscribeTitle')}</h4>
        <p class="status">{t('feedSubscribeHint')}</p>
        <p>
          <label for="feed-url-input">{t('feedUrlLabel')}</label>
          <br />
          <input id="feed-url-input" type="url" dir="ltr" autocomplete="off" spellcheck={false} required
            placeholder="https://…/index.json" value={url} onInput={(e) => setUrl(e.currentTarget.value)} disabled={disabled} />
        </p>
        <p>
          <label for="feed-key-input">{t('feedKeyLabel')}</label>
          <br />
          <textarea id="feed-key-input" dir="ltr" rows={2} autocomplete="off" spellcheck={false} required
            aria-describedby="feed-key-hint" value={key} onInput={(e) => setKey(e.currentTarget.value)} disabled={disabled} />
          <br />
          <span id="feed-key-hint" class="status">{t('feedKeyHint')}</span>
        </p>
        <button type="submit" class="feed-subscribe-button" disabled={disabled}>{t('feedSubscribe')}</button>
        <p>
          <label for="feed-file-input">{t('feedFileLabel')}</label>
          <br />
          <input id="feed-file-input" type="file" accept=".json,application/json" disabled={disabled}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) void file.text().then((feedFile) => subscribe({ feedFile })).finally(() => (input.value = ''));
            }} />
        </p>
      </form>

      <div role="status" aria-live="polite" class="feed-result">
        {working && <p>{t('feedChecking')}</p>}
        {result?.kind === 'subscribed' && (
          <p class="feed-subscribed" data-result={result.outcome.ok ? (result.outcome.check.ok ? result.outcome.check.result : 'failed') : ''}>
            {t('feedSubscribed', result.feed.url)}
          </p>
        )}
        {result?.kind === 'refused' && (
          <div class="feed-refused" data-code={result.error.code}>
            <p>{t('feedRefused')} {t(`syncError_${result.error.code}` as MessageKey)}</p>
            {result.error.detail && <p class="status" dir="auto">{t('syncErrorDetail', result.error.detail)}</p>}
          </div>
        )}
        {result?.kind === 'removed' && <p class="feed-removed">{t('feedRemoved')}</p>}
      </div>
    </section>
  );
}
