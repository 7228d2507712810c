/**
 * The one element Dramatis adds to a page: a shadow host holding the card, created on first use and removed on
 * stop. Its shadow root is closed, so the page's scripts can't read or restyle what the reader looks at (a
 * closed root is still in the document: the browser's automation protocols read it, which is how the tests do).
 *
 * It also keeps focus honest: when the card takes focus, where focus (or the caret) was is remembered and given
 * back when the card closes.
 */
import { render, type ComponentChild } from 'preact';
import { CARD_CSS } from './card-styles.ts';
import { HOST_TAG } from './text-skip.ts';

export class CardHost {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  private mount: HTMLElement | undefined;
  private returnFocus: { element: Element | null; ranges: Range[] } | undefined;

  /** True when an event happened inside the card. */
  contains(event: Event): boolean {
    return this.host !== undefined && event.composedPath().includes(this.host);
  }

  /** The card element, when one is shown. */
  get card(): HTMLElement | null {
    return (this.mount?.firstElementChild as HTMLElement | null) ?? null;
  }

  get hasFocus(): boolean {
    return this.root?.activeElement != null;
  }

  /** Renders `view` (the card) and returns its element. */
  render(view: ComponentChild): HTMLElement | null {
    render(view, this.ensureMount());
    return this.card;
  }

  /** Moves focus into the card, remembering where it was. */
  focus(): void {
    const card = this.card;
    if (!card) return;
    if (!this.hasFocus) {
      const selection = document.getSelection();
      const ranges: Range[] = [];
      for (let i = 0; selection && i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i).cloneRange());
      this.returnFocus = { element: document.activeElement, ranges };
    }
    card.focus({ preventScroll: true });
  }

  /** Removes the card; gives focus back to where it was if the card had it. */
  hide(): void {
    const hadFocus = this.hasFocus;
    if (this.mount) render(null, this.mount);
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (!hadFocus || !back) return;
    const el = back.element as HTMLElement | null;
    if (el && el !== document.body && el.isConnected && typeof el.focus === 'function') {
      el.focus({ preventScroll: true });
    } else {
      (document.activeElement as HTMLElement | null)?.blur?.();
    }
    // The caret a keyboard reader opened the card from.
    const selection = document.getSelection();
    if (selection && back.ranges.length > 0 && back.ranges.every((r) => r.startContainer.isConnected)) {
      selection.removeAllRanges();
      for (const r of back.ranges) selection.addRange(r);
    }
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = undefined;
    this.root = undefined;
    this.mount = undefined;
  }

  private ensureMount(): HTMLElement {
    if (this.mount && this.host?.isConnected) return this.mount;
    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    const mount = document.createElement('div');
    root.append(style, mount);
    document.documentElement.append(host);
    this.host = host;
    this.root = root;
    this.mount = mount;
    return mount;
  }
}
