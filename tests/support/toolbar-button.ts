/**
 * Reading the toolbar button of a tab through the action API, from one of the extension's pages (the API every
 * extension page may read; a web page can't), and a rendering of it for the screenshots where the toolbar itself
 * can't be photographed (headless Chromium draws no browser UI).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DriverPage } from '../../scripts/browsers.ts';
import { inExtension } from './extension-api.ts';

export interface ButtonState {
  text: string;
  /** RGBA, 0–255. */
  color: number[];
  title: string;
}

type Action = {
  getBadgeText(d: { tabId: number }): Promise<string>;
  getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]>;
  getTitle(d: { tabId: number }): Promise<string>;
};

export function buttonOf(ext: DriverPage, tabId: number): Promise<ButtonState> {
  return inExtension(ext, async ({ action: api }: { action: Action }, id: number) => {
    const [text, color, title] = await Promise.all([api.getBadgeText({ tabId: id }), api.getBadgeBackgroundColor({ tabId: id }), api.getTitle({ tabId: id })]);
    return { text, color: [...color], title };
  }, tabId);
}

/** The neutral grey of src/background/action-badge.ts, as the API reports it. */
export const NEUTRAL = [0x5f, 0x63, 0x68, 255];

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A page that draws toolbar buttons as the browser would from the values the action API reports for each tab
 * (icon, badge text and colour, tooltip), beside a screenshot of that tab's page: for the closing note's
 * screenshot in Chromium, whose headless mode draws no toolbar. It says it is a rendering.
 */
export function renderedToolbarHtml(root: string, tabs: Array<{ label: string; state: ButtonState; muted: boolean; page?: Buffer }>, caption: string): string {
  const icon = (muted: boolean) => `data:image/png;base64,${readFileSync(join(root, 'assets/icons', muted ? 'icon-32-off.png' : 'icon-32.png')).toString('base64')}`;
  const rows = tabs.map(({ label, state, muted, page }) => `
  <section>
    <div class="bar"><span class="url">${escapeHtml(label)}</span>
      <span class="button" title="${escapeHtml(state.title)}"><img src="${icon(muted)}" width="16" height="16" alt="">${state.text ? `<b style="background: rgba(${state.color.slice(0, 3).join(',')}, ${(state.color[3] ?? 255) / 255})">${escapeHtml(state.text)}</b>` : ''}</span>
      <span class="tip">${escapeHtml(state.title)}</span></div>
    ${page ? `<img class="page" src="data:image/png;base64,${page.toString('base64')}" alt="">` : ''}
  </section>`).join('');
  return `<!doctype html><meta charset="utf-8"><title>toolbar</title><style>
  body { margin: 12px; font: 13px system-ui, "Noto Sans", "Noto Sans Arabic", sans-serif; background: #fff; color: #1d1d1f; }
  p.caption { color: #55555f; margin: 0 0 10px; }
  section { border: 1px solid #d0d0d8; border-radius: 8px; margin-bottom: 12px; overflow: hidden; width: 760px; }
  .bar { display: flex; align-items: center; gap: 10px; background: #f0f0f4; padding: 6px 10px; }
  .url { flex: 1; background: #fff; border-radius: 14px; padding: 3px 10px; color: #333; }
  .button { position: relative; width: 28px; height: 24px; display: inline-flex; align-items: center; justify-content: center; }
  .button b { position: absolute; right: -4px; bottom: -3px; min-width: 14px; padding: 0 3px; border-radius: 7px; color: #fff; font: bold 10px/14px system-ui; text-align: center; }
  .tip { color: #1d1d1f; background: #fffbe6; border: 1px solid #e0d8a0; border-radius: 4px; padding: 1px 6px; max-width: 360px; }
  img.page { display: block; width: 760px; }
  </style><p class="caption">${escapeHtml(caption)}</p>${rows}`;
}

/**
 * Firefox's real toolbar (drawn by the browser from its window; the page area comes out empty, as the page is
 * drawn by another process), the button enlarged, and the page under it.
 */
export function firefoxToolbarHtml(toolbar: Buffer, button: { x: number; y: number; width: number; height: number }, page: Buffer, caption: string): string {
  const src = `data:image/png;base64,${toolbar.toString('base64')}`;
  const zoom = 4;
  const width = toolbar.readUInt32BE(16); // the PNG's IHDR width
  const cx = (button.x + button.width / 2) * zoom;
  const cy = (button.y + button.height / 2) * zoom;
  return `<!doctype html><meta charset="utf-8"><title>toolbar</title><style>
  body { margin: 12px; font: 13px system-ui, "Noto Sans", sans-serif; background: #fff; color: #1d1d1f; }
  p { color: #55555f; margin: 0 0 8px; }
  .strip { display: block; width: 1100px; border: 1px solid #d0d0d8; }
  .zoom { width: 320px; height: 160px; border: 1px solid #d0d0d8; margin: 8px 0; background: url(${src}) no-repeat;
    background-size: ${width * zoom}px auto; background-position: ${160 - cx}px ${80 - cy}px; image-rendering: pixelated; }
  .page { display: block; width: 1100px; border: 1px solid #d0d0d8; border-top: 0; }
  </style><p>${escapeHtml(caption)}</p><img class="strip" src="${src}" alt=""><div class="zoom" role="img" aria-label="the button, enlarged"></div>
  <img class="page" src="data:image/png;base64,${page.toString('base64')}" alt="">`;
}
