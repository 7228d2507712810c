/**
 * Copies text for "Copy citation". The Clipboard API where the page allows it (extension pages; secure pages,
 * on a click); else the old execCommand('copy') on a hidden textarea placed in the button's own root, which for
 * the card is its closed shadow root: the page's DOM is never touched. Focus goes back to the button.
 */
export async function copyText(text: string, from: HTMLElement): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* refused (no secure context, no permission): try the fallback */
  }
  const root = from.getRootNode() as Document | ShadowRoot;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 1px; height: 1px; opacity: 0; pointer-events: none;';
  (root instanceof Document ? root.body : root).append(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    from.focus({ preventScroll: true });
  }
}
