/**
 * The one element Dramatis adds to a page: a shadow host holding the card (and the toast that confirms a
 * dismissal), created on first use and removed on stop. Its shadow root is closed, so the page's scripts can't
 * read or restyle what the reader looks at (a closed root is still in the document: the browser's automation
 * protocols read it, which is how the tests do).
 *
 * It also keeps focus honest: when the card (or the toast) takes focus, where focus (or the caret) was is
 * remembered and given back when it closes.
 */
import { render, type ComponentChild } from 'preact';
import { CARD_CSS } from './card-styles.ts';
import { HOST_TAG } from '../scan/text-skip.ts';

export class CardHost {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  private mount: HTMLElement | undefined;
  private toastMount: HTMLElement | undefined;
  private returnFocus: FocusMemory | undefined;
  private toastReturn: FocusMemory | undefined;

  /** True when an event happened inside the card. */
  contains(event: Event): boolean {
    return this.host !== undefined && event.composedPath().includes(this.host);
  }

  /** The card element, when one is shown. */
  get card(): HTMLElement | null {
    return (this.mount?.firstElementChild as HTMLElement | null) ?? null;
  }

  /** The card, or something in it, has focus. */
  get hasFocus(): boolean {
    const active = this.root?.activeElement;
    return active != null && this.card?.contains(active) === true;
  }

  /** Renders `view` (the card) and returns its element. */
  render(view: ComponentChild): HTMLElement | null {
    render(view, this.ensureMount());
    return this.card;
  }

  /**
   * Moves focus into the card (to the element `selector` names, else the card itself), remembering where it
   * was the first time: following a tie re-renders the card, and focus may have dropped to the body meanwhile.
   */
  focus(selector?: string): void {
    const card = this.card;
    if (!card) return;
    if (!this.hasFocus && this.returnFocus === undefined) this.returnFocus = rememberFocus();
    const target = (selector ? card.querySelector<HTMLElement>(selector) : null) ?? card;
    target.focus({ preventScroll: true });
  }

  /** Removes the card; gives focus back to where it was if the card had it. */
  hide(): void {
    const hadFocus = this.hasFocus;
    if (this.mount) render(null, this.mount);
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (hadFocus && back) restoreFocus(back);
  }

  /** Shows a toast (replacing any), or removes it (null); focus it had goes back to where it was before it. */
  renderToast(view: ComponentChild | null): void {
    if (view === null) {
      if (!this.toastMount) return;
      const active = this.root?.activeElement;
      const hadFocus = active != null && this.toastMount.contains(active);
      render(null, this.toastMount);
      const back = this.toastReturn;
      this.toastReturn = undefined;
      if (hadFocus && back) restoreFocus(back);
      return;
    }
    this.ensureMount();
    this.toastReturn ??= rememberFocus();
    render(view, this.toastMount!);
  }

  destroy(): void {
    this.hide();
    this.renderToast(null);
    this.host?.remove();
    this.host = undefined;
    this.root = undefined;
    this.mount = undefined;
    this.toastMount = undefined;
  }

  private ensureMount(): HTMLElement {
    if (this.mount && this.host?.isConnected) return this.mount;
    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    const mount = document.createElement('div');
    const toastMount = document.createElement('div');
    root.append(style, mount, toastMount);
    document.documentElement.append(host);
    this.host = host;
    this.root = root;
    this.mount = mount;
    this.toastMount = toastMount;
    return mount;
  }
}

interface FocusMemory {
  element: Element | null;
  ranges: Range[];
}

function rememberFocus(): FocusMemory {
  const selection = document.getSelection();
  const ranges: Range[] = [];
  for (let i = 0; selection && i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i).cloneRange());
  return { element: document.activeElement, ranges };
}

function restoreFocus(back: FocusMemory): void {
  const el = back.element as HTMLElement | null;
  if (el && el !== document.body && el.isConnected && typeof el.focus === 'function' && el.localName !== HOST_TAG) {
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
