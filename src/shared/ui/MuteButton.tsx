/**
 * "Don't highlight <name>" in the extension's pages (side panel, reader): a toggle (aria-pressed) over
 * settings.mutedEntities, followed live, confirmed by a toast with Undo. Pressed from the keyboard, Undo takes
 * focus; when the toast closes while focused, focus returns to the toggle. The card has its own (card-dismiss.ts),
 * as it lives in a page's shadow root.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, updateSettings, watchSettings } from '../settings.ts';
import { Msg } from './Msg.tsx';
import { Toast } from './Toast.tsx';

function useMuted(entityId: string): boolean {
  const [muted, setMuted] = useState(false);
  useEffect(() => {
    void loadSettings().then((s) => setMuted(s.mutedEntities.includes(entityId)));
    return watchSettings((s) => setMuted(s.mutedEntities.includes(entityId)));
  }, [entityId]);
  return muted;
}

const setMuted = (entityId: string, on: boolean) =>
  updateSettings((s) => ({ mutedEntities: on ? [...new Set([...s.mutedEntities, entityId])] : s.mutedEntities.filter((id) => id !== entityId) }));

export function MuteButton({ entityId, name }: { entityId: string; name: string }) {
  const muted = useMuted(entityId);
  const [toast, setToast] = useState<{ focusUndo: boolean } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setToast(null), [entityId]);
  return (
    <>
      <button
        type="button"
        class="mute"
        ref={button}
        aria-pressed={muted}
        onClick={(e) => {
          const on = !muted;
          // detail 0: pressed from the keyboard, so the toast's Undo takes focus.
          const fromKeyboard = e.detail === 0;
          void setMuted(entityId, on).then(() => setToast(on ? { focusUndo: fromKeyboard } : null));
        }}
      >
        <Msg k="actionMute" args={[name]} />
      </button>
      {toast && (
        <Toast
          message={<Msg k="toastMuted" args={[name]} />}
          focusUndo={toast.focusUndo}
          onUndo={() => {
            setToast(null);
            void setMuted(entityId, false);
            button.current?.focus();
          }}
          onClose={() => {
            const hadFocus = document.activeElement?.closest('.toast') != null;
            setToast(null);
            if (hadFocus) button.current?.focus();
          }}
        />
      )}
    </>
  );
}
