/**
 * Who sent a message. Browsers treat a content script as untrusted (it runs in the page's renderer, which a
 * compromised page may control), so the background answers a content script only what a content script needs
 * (each request's audience is declared beside its type: messages.ts, sync-api.ts, panel-api.ts), and
 * everything else only to the extension's own pages.
 *
 * The browser, not the sender, fills in the sender: its extension id, and the URL of the document it runs in
 * (for a content script, the web page's URL; for the side panel, the reader or the background, an URL of the
 * extension's own origin). No page of Dramatis is web-accessible, so no web page can frame one.
 */
import type { Runtime } from '../browser.ts';

/** An extension page (the side panel, the reader, the background); a content script; anything else. */
export type SenderKind = 'extension' | 'content' | 'other';

/** Who may make a request: content scripts and extension pages alike, or extension pages only. */
export type Audience = 'content' | 'extension';

/** The origin and scheme of `url` ('' for none). */
function parts(url: string | undefined): { origin: string; protocol: string } {
  try {
    const u = new URL(url ?? '');
    return { origin: u.origin, protocol: u.protocol };
  } catch {
    return { origin: '', protocol: '' };
  }
}

/**
 * What kind of sender this is, given our extension's id and origin (chrome-extension://<id>, moz-extension://<uuid>).
 * A message of another extension (possible only if it were let in with externally_connectable) is 'other'.
 */
export function senderKind(sender: Runtime.MessageSender, ownId: string, ownOrigin: string): SenderKind {
  if (sender.id !== ownId) return 'other';
  const { origin, protocol } = parts(sender.url);
  // Chrome also names the sender's origin: where it is given, it must agree.
  const declared = (sender as { origin?: string }).origin;
  if (origin === ownOrigin && (declared === undefined || declared === ownOrigin)) return 'extension';
  // A content script: in a tab, in one of its frames, in a web page (Dramatis's content scripts run on http(s)).
  if (sender.tab?.id !== undefined && sender.frameId !== undefined && (protocol === 'http:' || protocol === 'https:')) return 'content';
  return 'other';
}

/** Whether a sender of this kind may make a request for this audience. */
export function mayAsk(kind: SenderKind, audience: Audience): boolean {
  return kind === 'extension' || (kind === 'content' && audience === 'content');
}
