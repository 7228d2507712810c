/**
 * The card's two ways to stop a mark, each confirmed by a toast with Undo (in the card's shadow root, so the
 * page sees nothing of it): "Not this one" hides one mention on this page (the page session stores it, see
 * src/shared/dismissals.ts), "Don't highlight <name>" mutes the entity on every page (settings.mutedEntities,
 * which the Settings tab lists too). A newer toast replaces an older one; Undo puts things back as they were.
 */
import { h } from 'preact';
import { updateSettings } from '../../shared/settings.ts';
import { Msg } from '../../shared/ui/Msg.tsx';
import { Toast } from '../../shared/ui/Toast.tsx';
import type { MessageKey } from '../../shared/i18n.ts';
import type { CardHost } from './card-host.ts';
import type { FoundMention } from '../scan/page-mentions.ts';

export class CardDismissals {
  /** Bumped by every toast: a closing timer of an older one does not close a newer one. */
  private shown = 0;

  constructor(
    private readonly host: CardHost,
    private readonly dismissMention: (m: FoundMention) => Promise<() => Promise<void>>,
  ) {}

  async dismiss(mention: FoundMention, surface: string, fromKeyboard: boolean): Promise<void> {
    let undo: () => Promise<void>;
    try {
      undo = await this.dismissMention(mention);
    } catch {
      return; // storage unavailable: the mark stays
    }
    this.toast('toastDismissed', surface, undo, fromKeyboard);
  }

  async mute(entityId: string, name: string, fromKeyboard: boolean): Promise<void> {
    let wasMuted = false;
    try {
      await updateSettings((s) => {
        wasMuted = s.mutedEntities.includes(entityId);
        return { mutedEntities: [...new Set([...s.mutedEntities, entityId])] };
      });
    } catch {
      return; // storage unavailable: the name stays shown
    }
    const undo = async () => {
      if (!wasMuted) await updateSettings((s) => ({ mutedEntities: s.mutedEntities.filter((id) => id !== entityId) }));
    };
    this.toast('toastMuted', name, undo, fromKeyboard);
  }

  private toast(key: MessageKey, name: string, undo: () => Promise<void>, focusUndo: boolean): void {
    const mine = ++this.shown;
    const close = () => {
      if (mine === this.shown) this.host.renderToast(null);
    };
    this.host.renderToast(
      h(Toast, {
        message: h(Msg, { k: key, args: [name] }),
        focusUndo,
        onClose: close,
        onUndo: () => {
          close();
          void undo().catch(() => undefined);
        },
      }),
    );
  }
}
