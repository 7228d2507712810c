/**
 * The one element Dramatis adds to a page: a shadow host holding the card. Created on first use, removed on
 * stop; everything else Dramatis shows is painted through highlights.
 */
import { h, render } from 'preact';
import { EntityCard, type CardProps } from './EntityCard.tsx';
import { CARD_CSS } from './card-styles.ts';

const GAP = 6;
const MARGIN = 8;

export class CardHost {
  private host: HTMLElement | undefined;
  private mount: HTMLElement | undefined;

  /** True when an event's target is inside our card. */
  contains(event: Event): boolean {
    return this.host !== undefined && event.composedPath().includes(this.host);
  }

  get isOpen(): boolean {
    return this.mount?.firstChild != null;
  }

  show(props: CardProps, anchor: DOMRect): void {
    const mount = this.ensureMount();
    render(h(EntityCard, props), mount);
    const card = mount.firstElementChild as HTMLElement | null;
    if (card) place(card, anchor);
  }

  hide(): void {
    if (this.mount) render(null, this.mount);
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = undefined;
    this.mount = undefined;
  }

  private ensureMount(): HTMLElement {
    if (this.mount && this.host?.isConnected) return this.mount;
    const host = document.createElement('dramatis-card-host');
    host.setAttribute('data-dramatis-host', '');
    // Open for now so browser tests can read the card; see README "What is still thin".
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    const mount = document.createElement('div');
    root.append(style, mount);
    document.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    return mount;
  }
}

/** Below the name if it fits, else above; shifted to stay inside the viewport; never over the name itself. */
function place(card: HTMLElement, anchor: DOMRect): void {
  const { width, height } = card.getBoundingClientRect();
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = document.documentElement.clientHeight || window.innerHeight;
  let top = anchor.bottom + GAP;
  if (top + height > vh - MARGIN && anchor.top - GAP - height >= MARGIN) top = anchor.top - GAP - height;
  let left = Math.min(anchor.left, vw - width - MARGIN);
  left = Math.max(MARGIN, left);
  card.style.top = `${Math.max(MARGIN, top)}px`;
  card.style.left = `${left}px`;
}
