/**
 * The card's styles, inside its shadow root: the page's CSS can't reach in (beyond inherited properties, which
 * `all: initial` on the host resets; the host's own rules are !important, which beats the page's rules for the
 * host from inside), and ours can't leak out. Follows the system's dark mode. Fonts name Noto first, which
 * shapes Arabic well (fonts-noto-core), then the system's.
 *
 * Layout: one fact per line ("met Bashar al-Assad November 2020", the date muted) with its source as a small
 * icon button at the line's end; the quote opens under the line. A sticky cue at the foot shows while part of the
 * card is below its fold (`data-more`, set by EntityCard). The toast sits at the foot of the viewport.
 */
export const CARD_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important;
  z-index: 2147483647 !important; display: block !important; width: 0 !important; height: 0 !important;
  overflow: visible !important; visibility: visible !important; opacity: 1 !important; transform: none !important; }
.card { position: fixed; left: 0; top: 0; visibility: hidden; box-sizing: border-box; width: 23rem;
  max-width: calc(100vw - 16px); max-height: min(28rem, calc(100vh - 16px)); overflow: auto; overscroll-behavior: contain;
  padding: 10px 14px; border-radius: 10px; background: #fff; color: #1b1b1f;
  border: 1px solid #c9c9d3; box-shadow: 0 6px 24px rgba(0,0,0,.18);
  font: 14px/1.45 "Noto Sans", system-ui, sans-serif; text-align: start; color-scheme: light; }
.card:lang(ar) { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", system-ui, sans-serif; }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid #1a5fb4; outline-offset: -2px; }
[lang="ar"] { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", system-ui, sans-serif; }
[lang="en"] { font-family: "Noto Sans", system-ui, sans-serif; }
.title-row { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
h2 { margin: 0; font-size: 17px; line-height: 1.35; font-weight: 650; }
h2:focus { outline: none; }
h2:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 2px; border-radius: 3px; }
h3 { margin: 8px 0 2px; font-size: 12px; font-weight: 650; letter-spacing: .03em; color: #55555f; }
p { margin: 2px 0; }
.subtitle { color: #55555f; font-size: 12.5px; }
.description { margin-top: 6px; }
.background { font-size: 11.5px; color: #6b6b76; }
.background a { color: inherit; }
ul { margin: 0; padding: 0; list-style: none; }
li.fact { margin: 3px 0; }
.fact-line { display: flex; align-items: flex-start; gap: 6px; }
.fact-text { flex: 1; min-width: 0; }
.date { color: #6b6b76; font-size: 12.5px; white-space: nowrap; }
.date::before { content: "· "; }
.more-count { font-size: 12px; color: #6b6b76; }
button.source-toggle { all: unset; box-sizing: border-box; cursor: pointer; flex: none; display: inline-flex; align-items: center;
  justify-content: center; width: 22px; height: 22px; margin-top: -1px; border-radius: 5px; color: #6b6b76; }
button.source-toggle:hover { background: #efeff3; color: #1b1b1f; }
button.source-toggle[aria-expanded="true"] { background: #e6edf8; color: #1a5fb4; }
.evidence { margin: 4px 0 6px; }
.quote { margin: 0; padding-inline-start: 8px; border-inline-start: 3px solid #c7c7d1; }
.quote-lang { font-size: 11.5px; color: #6b6b76; }
.quote-lang.translated::after { content: ":"; }
blockquote { margin: 0; }
.translation { margin: 3px 0 0; }
figcaption { font-size: 12px; color: #55555f; display: flex; flex-wrap: wrap; gap: 2px 10px; margin-top: 2px; }
.source-links { display: inline-flex; flex-wrap: wrap; gap: 2px 12px; align-items: baseline; }
.copy-status:empty { display: none; }
a, .link-button { color: #1a5fb4; }
.link-button { all: unset; cursor: pointer; color: #1a5fb4; text-decoration: underline; text-underline-offset: 2px; border-radius: 3px; }
.entity-ref { font-weight: 600; }
.back { font-size: 12px; display: inline-block; margin-bottom: 2px; }
.back::before { content: "← "; }
.back:dir(rtl)::before { content: "→ "; }
.more { margin-top: 6px; font-size: 13px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.action { all: unset; cursor: pointer; font-size: 12.5px; padding: 3px 10px; border-radius: 6px;
  border: 1px solid #c9c9d3; color: #1b1b1f; background: #f4f4f7; }
.action:hover { background: #e9e9ef; }
.status:empty { display: none; }
.status { font-size: 12px; margin-top: 6px; color: #1b1b1f; }
.keys { font-size: 11px; color: #6b6b76; margin-top: 6px; }
.missing { margin-top: 6px; }
button.close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 2px 6px; border-radius: 6px; color: #55555f; }
button.close:hover { background: #efeff3; }
button:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 2px; }
.more-cue { position: sticky; bottom: -10px; height: 0; margin: 0 -14px; pointer-events: none; visibility: hidden; }
.more-cue::before { content: "▾"; position: absolute; inset: auto 0 0 0; height: 30px; box-sizing: border-box; padding-top: 10px;
  text-align: center; font-size: 13px; line-height: 20px; color: #55555f; border-radius: 0 0 10px 10px;
  background: linear-gradient(to bottom, rgba(255,255,255,0), #fff 60%); }
.card[data-more] .more-cue { visibility: visible; }
.toast { position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); box-sizing: border-box;
  max-width: min(34rem, calc(100vw - 24px)); display: flex; align-items: center; gap: 10px; padding: 8px 8px 8px 14px;
  border-radius: 8px; background: #26262d; color: #f4f4f7; box-shadow: 0 6px 24px rgba(0,0,0,.3);
  font: 14px/1.4 "Noto Sans", "Noto Sans Arabic", system-ui, sans-serif; }
.toast:dir(rtl) { padding: 8px 14px 8px 8px; }
.toast-undo { all: unset; cursor: pointer; font-weight: 650; color: #9cc3ff; padding: 2px 8px; border-radius: 5px; }
.toast-undo:hover { background: #383843; }
.toast-close { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 5px; color: #c9c9d3; }
.toast button:focus-visible { outline: 2px solid #9cc3ff; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .card { background: #23232a; color: #ececf1; border-color: #3d3d48; box-shadow: 0 6px 24px rgba(0,0,0,.5); color-scheme: dark; }
  .subtitle, h3, figcaption, button.close { color: #b4b4c0; }
  .background, .date, .more-count, .quote-lang, .keys, button.source-toggle { color: #a2a2ae; }
  .status { color: #ececf1; }
  .quote { border-color: #4a4a56; }
  a, .link-button { color: #8ab4f8; }
  .action { background: #2e2e37; border-color: #4a4a56; color: #ececf1; }
  .action:hover, button.source-toggle:hover { background: #383843; }
  button.source-toggle[aria-expanded="true"] { background: #2b3a52; color: #8ab4f8; }
  button.close:hover { background: #33333c; }
  .more-cue::before { color: #b4b4c0; background: linear-gradient(to bottom, rgba(35,35,42,0), #23232a 60%); }
  .card:focus-visible, button:focus-visible, a:focus-visible, summary:focus-visible, h2:focus-visible { outline-color: #8ab4f8; }
}
@media (forced-colors: active) {
  .card, .toast { border: 1px solid CanvasText; }
  .link-button, a { color: LinkText; }
}
`;
