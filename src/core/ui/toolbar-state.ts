/**
 * What the toolbar button shows for a tab, from what that tab's content script reports. Pure: the background
 * (src/background/action-badge.ts) turns it into action API calls and sentences.
 */

/** Where Dramatis stands on a page: running, or off — for this page only, for its site, or everywhere. */
export type PageState = 'on' | 'pageOff' | 'siteOff' | 'paused';

export const PAGE_STATES: readonly PageState[] = ['on', 'pageOff', 'siteOff', 'paused'];

/** A tab as its content script reports it (ContentApi.pageStatus). */
export interface PageStatus {
  state: PageState;
  /** Distinct entities marked on the page (found and shown: not muted, of a shown type). */
  entities: number;
  /** The page's hostname, lower case; '' where it has none. */
  site: string;
}

/** Badges hold about four characters. */
export const BADGE_MAX = 99;

export interface ToolbarLook {
  /** Badge text: the count, none at zero or when off. */
  text: string;
  /** The muted (grey) icon, for a page where Dramatis is off. */
  muted: boolean;
}

export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(Math.floor(count));
}

export function toolbarLook(status: PageStatus): ToolbarLook {
  return status.state === 'on' ? { text: badgeText(status.entities), muted: false } : { text: '', muted: true };
}

/** A content script's report, checked (the content script runs inside a page we don't trust). */
export function checkPageStatus(value: unknown): PageStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!PAGE_STATES.includes(v.state as PageState)) return undefined;
  if (typeof v.entities !== 'number' || !Number.isInteger(v.entities) || v.entities < 0) return undefined;
  const site = typeof v.site === 'string' && v.site.length <= 253 ? v.site.toLowerCase() : '';
  return { state: v.state as PageState, entities: v.entities, site };
}
