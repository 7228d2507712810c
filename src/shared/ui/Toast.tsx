/**
 * A short confirmation with Undo, after an action that hides something ("Not this one", "Don't highlight …").
 * A polite status, so screen readers announce it without moving focus; it stays while the pointer or focus is
 * on it, and closes after TOAST_MS otherwise, or on Escape. `focusUndo` moves focus to Undo (when the action
 * came from the keyboard, so the reader can undo at once).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { dirOf, t, uiLanguage } from '../i18n.ts';

export const TOAST_MS = 8000;

export interface ToastProps {
  message: ComponentChildren;
  onUndo: () => void;
  onClose: () => void;
  focusUndo?: boolean;
}

export function Toast({ message, onUndo, onClose, focusUndo = false }: ToastProps) {
  const [held, setHeld] = useState(false);
  const undo = useRef<HTMLButtonElement>(null);
  // The latest onClose, so a re-render of the owner doesn't restart the timer.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (focusUndo) undo.current?.focus({ preventScroll: true });
  }, [focusUndo]);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => close.current(), TOAST_MS);
    return () => clearTimeout(timer);
  }, [held]);
  const lang = uiLanguage();
  return (
    <div
      class="toast"
      lang={lang}
      dir={dirOf(lang)}
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={(e) => setHeld((e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null))}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <span class="toast-message">{message}</span>
      <button type="button" class="toast-undo" ref={undo} onClick={onUndo}>{t('toastUndo')}</button>
      <button type="button" class="toast-close" aria-label={t('toastDismiss')} onClick={onClose}>×</button>
    </div>
  );
}
