/**
 * The user's settings as data: their shape, defaults and sanitising, with no browser API, so Node tests use the
 * very defaults the extension does. Storage access lives in settings.ts.
 */
import type { EntityType } from '../core/dataset/dataset-schema.ts';
import { ENTITY_TYPES } from '../core/dataset/entity-types.ts';

export type HighlightStyle = 'underline' | 'background' | 'none';

export interface Settings {
  /** Off switch for every page. */
  enabled: boolean;
  /** Hostnames where Dramatis does nothing (e.g. "example.com"). */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
  /** Dwell before the hover card opens. */
  hoverDelayMs: number;
  /** Entity types that are highlighted; others are found but not shown. */
  shownTypes: EntityType[];
  /** Entities the user chose not to see ("Don't show this entity"). */
  mutedEntities: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze<Settings>({
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  hoverDelayMs: 150,
  shownTypes: [...ENTITY_TYPES],
  mutedEntities: [],
});

const STYLES: readonly HighlightStyle[] = ['underline', 'background', 'none'];

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.slice(0, 10_000) : undefined;

/** Settings from storage, with every missing or malformed field replaced by its default (storage is input too). */
export function sanitizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const delay = r.hoverDelayMs;
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: strings(r.disabledSites) ?? [...DEFAULT_SETTINGS.disabledSites],
    highlightStyle: STYLES.includes(r.highlightStyle as HighlightStyle) ? (r.highlightStyle as HighlightStyle) : DEFAULT_SETTINGS.highlightStyle,
    hoverDelayMs: typeof delay === 'number' && Number.isFinite(delay) ? Math.min(2000, Math.max(0, Math.round(delay))) : DEFAULT_SETTINGS.hoverDelayMs,
    shownTypes: (strings(r.shownTypes)?.filter((t): t is EntityType => ENTITY_TYPES.includes(t as EntityType))) ?? [...DEFAULT_SETTINGS.shownTypes],
    mutedEntities: strings(r.mutedEntities) ?? [...DEFAULT_SETTINGS.mutedEntities],
  };
}

/** The hostname settings are kept under: lower case, only for http(s) pages (the only ones Dramatis reads). */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Whether Dramatis runs on a page of this hostname under these settings. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname.toLowerCase());
}

