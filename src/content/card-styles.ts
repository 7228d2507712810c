/**
 * The card's styles, inside its shadow root: the page's CSS can't reach in (beyond inherited properties, which
 * `all: initial` on the host resets; the host's own rules are !important, which beats the page's rules for the
 * host from inside), and ours can't leak out. Follows the system's dark mode. Fonts name Noto first, which
 * shapes Arabic well (fonts-noto-core), then the system's.
 */
export const CARD_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important;
  z-index: 2147483647 !important; display: block !important; width: 0 !important; height: 0 !important;
  overflow: visible !important; visibility: visible !important; opacity: 1 !important; transform: none !important; }
.card { position: fixed; left: 0; top: 0; visibility: hidden; box-sizing: border-box; width: 23rem;
  max-width: calc(100vw - 16px); max-height: min(28rem, calc(100vh - 16px)); overflow: auto; overscroll-behavior: contain;
  padding: 12px 14px 8px; border-radius: 10px; background: #fff; color: #1b1b1f;
  border: 1px solid #c9c9d3; box-shadow: 0 6px 24px rgba(0,0,0,.18);
  font: 14px/1.5 "Noto Sans", system-ui, sans-serif; text-align: start; color-scheme: light; }
.card:lang(ar) { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", system-ui, sans-serif; }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid #1a5fb4; outline-offset: -2px; }
[lang="ar"] { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", system-ui, sans-serif; }
[lang="en"] { font-family: "Noto Sans", system-ui, sans-serif; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
.names { min-width: 0; }
h2 { margin: 0; font-size: 17px; line-height: 1.35; font-weight: 650; }
h3 { margin: 10px 0 4px; font-size: 12px; font-weight: 650; letter-spacing: .03em; color: #55555f; }
p { margin: 2px 0; }
.other-name { color: #55555f; font-size: 13px; }
.type { font-size: 12px; color: #55555f; }
.description { margin-top: 6px; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 6px 0; }
.role-title { font-weight: 600; }
.quote { margin: 4px 0 0; padding-inline-start: 8px; border-inline-start: 3px solid #c7c7d1; }
blockquote { margin: 0; }
figcaption { font-size: 12px; color: #55555f; display: flex; flex-wrap: wrap; gap: 2px 10px; }
.source-links { display: inline-flex; flex-wrap: wrap; gap: 2px 12px; }
details { display: inline; margin-inline-start: 6px; }
details[open] { display: block; margin-inline-start: 0; }
summary { display: inline; cursor: pointer; font-size: 12px; color: #55555f; border-radius: 4px; }
summary::before { content: "▸ "; }
summary:dir(rtl)::before { content: "◂ "; }
details[open] > summary::before { content: "▾ "; }
a, .link-button { color: #1a5fb4; }
.link-button { all: unset; cursor: pointer; color: #1a5fb4; text-decoration: underline; text-underline-offset: 2px; border-radius: 3px; }
.entity-ref { font-weight: 600; }
.back { font-size: 12px; display: inline-block; margin-bottom: 4px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.action { all: unset; cursor: pointer; font-size: 12.5px; padding: 4px 10px; border-radius: 6px;
  border: 1px solid #c9c9d3; color: #1b1b1f; background: #f4f4f7; }
.action:hover { background: #e9e9ef; }
.status:empty { display: none; }
.status { font-size: 12px; margin-top: 6px; color: #1b1b1f; }
.keys { font-size: 11px; color: #6b6b76; margin-top: 8px; }
.missing { margin-top: 6px; }
button.close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 2px 6px; border-radius: 6px; color: #55555f; }
button.close:hover { background: #efeff3; }
button:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { background: #23232a; color: #ececf1; border-color: #3d3d48; box-shadow: 0 6px 24px rgba(0,0,0,.5); color-scheme: dark; }
  .other-name, .type, h3, figcaption, summary, button.close { color: #b4b4c0; }
  .keys { color: #9d9daa; }
  .status { color: #ececf1; }
  .quote { border-color: #4a4a56; }
  a, .link-button { color: #8ab4f8; }
  .action { background: #2e2e37; border-color: #4a4a56; color: #ececf1; }
  .action:hover { background: #383843; }
  button.close:hover { background: #33333c; }
  .card:focus-visible, button:focus-visible, a:focus-visible, summary:focus-visible { outline-color: #8ab4f8; }
}
@media (forced-colors: active) {
  .card { border: 1px solid CanvasText; }
  .link-button, a { color: LinkText; }
}
`;
