/**
 * The card's styles, inside its shadow root: the page's CSS can't reach in (beyond inherited properties, which
 * `all: initial` on the host resets), and ours can't leak out.
 */
export const CARD_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important;
  z-index: 2147483647 !important; display: block !important; width: 0 !important; height: 0 !important; }
.card { position: fixed; box-sizing: border-box; width: 22rem; max-width: calc(100vw - 16px); max-height: min(28rem, calc(100vh - 16px));
  overflow: auto; padding: 12px 14px; border-radius: 10px; background: #fff; color: #1b1b1f;
  border: 1px solid #d0d0d8; box-shadow: 0 6px 24px rgba(0,0,0,.18);
  font: 14px/1.45 system-ui, "Noto Sans", "Noto Sans Arabic", sans-serif; text-align: start; }
.card:lang(ar) { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", system-ui, sans-serif; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
h2 { margin: 0; font-size: 17px; font-weight: 650; }
h3 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #5b5b66; }
p { margin: 2px 0; }
.other-name { color: #5b5b66; font-size: 13px; }
.type { font-size: 12px; color: #5b5b66; }
.description { margin-top: 6px; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 4px 0; }
.role-title { font-weight: 600; }
.quote { margin: 4px 0 0; padding-inline-start: 8px; border-inline-start: 3px solid #c7c7d1; }
blockquote { margin: 0; font-family: "Noto Sans Arabic", "Noto Naskh Arabic", sans-serif; }
figcaption { font-size: 12px; color: #5b5b66; }
a { color: #1a5fb4; }
button.close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 2px 6px; border-radius: 6px; color: #5b5b66; }
button.close:focus-visible, a:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { background: #23232a; color: #ececf1; border-color: #3a3a44; }
  .other-name, .type, h3, figcaption, button.close { color: #a9a9b6; }
  .quote { border-color: #4a4a56; }
  a { color: #8ab4f8; }
}
`;
