/** "Copy citation": copies a quote's citation (src/core/ui/citation.ts) and says so, for a moment, in a status. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import { copyText } from './copy-text.ts';

const SHOWN_MS = 2500;

export function CopyCitation({ text, class: cls = '' }: { text: () => string; class?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        class={`copy-citation ${cls}`.trim()}
        onClick={(e) => {
          const button = e.currentTarget;
          void copyText(text(), button).then((ok) => setState(ok ? 'copied' : 'failed'));
        }}
      >
        {t('actionCopyCitation')}
      </button>
      <span class="copy-status" role="status">
        {state === 'copied' ? t('citationCopied') : state === 'failed' ? t('citationCopyFailed') : ''}
      </span>
    </>
  );
}
