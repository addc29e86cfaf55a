/**
 * One hovercard: a trigger (the mention's own text in its shadow root, or the publisher's
 * <a data-backstory-entity>) and the card, a popover in the same shadow root so that it follows its
 * trigger in the focus order. Hover or focus shows it, a tap or Enter pins it (Enter also moves focus
 * into it), Escape closes it and gives focus back; it is placed below the trigger, or above when there
 * is no room below, never over it, and in the top layer (or fixed) so the page does not move.
 */
import { guard } from '../log';
import type { MentionCard } from './types';

export type Theme = 'light' | 'dark';

const GAP = 8;

let open: Hovercard | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function link(href: string, text: string, className = ''): HTMLAnchorElement {
  const a = el('a', className, text);
  a.href = href;
  return a;
}

export class Hovercard {
  private readonly card: HTMLDivElement;
  private closeTimer = 0;
  /** Set while focus is given back on closing: that focus must not open the card again. */
  private returning = false;
  private fill: (() => void) | undefined;
  /** Aborts the trigger's and the card's listeners. */
  private readonly listening = new AbortController();
  /** Aborts the page's listeners, which are there only while the card is open. */
  private opened: AbortController | undefined;

  constructor(
    readonly host: HTMLElement,
    private readonly trigger: HTMLElement,
    root: ShadowRoot,
    data: MentionCard,
    /** Read at each opening: theme="auto" follows the page. */
    private readonly theme: () => Theme,
  ) {
    const card = (this.card = el('div', 'c'));
    card.id = 'c';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', data.name);
    // Where the Popover API is missing this is an inert property, and the card is position: fixed.
    card.popover = 'manual';
    const description = el('p', 'd', data.description);
    description.id = 'd';
    card.append(description);
    root.append(card);
    // The rest of the card is made when it first opens: a long article has hundreds of mentions.
    this.fill = () => {
      const facts = el('ul', '');
      for (const fact of data.facts) {
        const item = el('li', '');
        item.append(el('b', '', fact.label), ` ${fact.value}`);
        if (fact.sources.length) {
          const sources = el('span', 's', ' (');
          fact.sources.forEach((s, i) => sources.append(i ? ', ' : '', s.url ? link(s.url, s.name) : s.name));
          sources.append(')');
          item.append(sources);
        }
        facts.append(item);
      }
      card.prepend(el('p', 'n', data.name));
      card.append(...(data.facts.length ? [facts] : []), link(data.url, 'Read the explainer', 'x'));
    };

    trigger.setAttribute('aria-expanded', 'false');
    trigger.setAttribute('aria-controls', 'c');
    if (trigger.getRootNode() === root) trigger.setAttribute('aria-describedby', 'd');
    // A light-DOM trigger cannot point into our shadow root.
    else trigger.setAttribute('aria-description', data.description);

    const on = <E extends Event>(target: EventTarget, type: string, fn: (e: E) => void) =>
      target.addEventListener(type, (e) => guard(() => fn(e as E)), { signal: this.listening.signal });
    const mouse = (e: PointerEvent) => e.pointerType === 'mouse';
    on<PointerEvent>(trigger, 'pointerenter', (e) => mouse(e) && this.show());
    for (const target of [trigger, card]) {
      on<PointerEvent>(target, 'pointerleave', (e) => mouse(e) && this.closeSoon());
      on<PointerEvent>(target, 'pointerenter', () => clearTimeout(this.closeTimer));
      on<FocusEvent>(target, 'focusout', (e) => {
        const next = e.relatedTarget as Node | null;
        if (!next || !(trigger.contains(next) || card.contains(next) || host.contains(next))) this.hide();
      });
    }
    on(trigger, 'focus', () => this.returning || this.show());
    if (trigger !== host && trigger.localName !== 'a') {
      on(trigger, 'click', () => this.show());
    }
    on<KeyboardEvent>(trigger, 'keydown', (e) => {
      if (e.key === 'Escape' && this.isOpen) {
        e.preventDefault();
        this.hide();
      } else if ((e.key === 'Enter' || e.key === ' ') && trigger.localName !== 'a') {
        e.preventDefault();
        this.show();
        card.querySelector('a')?.focus();
      }
    });
    on<KeyboardEvent>(card, 'keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      this.hide();
      this.returning = true;
      trigger.focus();
      this.returning = false;
    });
  }

  get isOpen(): boolean {
    return this.card.classList.contains('o');
  }

  show(): void {
    clearTimeout(this.closeTimer);
    if (this.isOpen) return;
    if (open !== this) open?.hide();
    open = this;
    this.fill?.();
    this.fill = undefined;
    this.card.className = `c o ${this.theme()}`;
    // Read here, not when the card is made: a style read per mention would make decorating a long text slow.
    this.card.dir = getComputedStyle(this.host).direction;
    this.card.showPopover?.();
    this.trigger.setAttribute('aria-expanded', 'true');
    this.place();
    const { signal } = (this.opened = new AbortController());
    addEventListener('scroll', this.place, { capture: true, passive: true, signal });
    addEventListener('resize', this.place, { passive: true, signal });
    document.addEventListener('pointerdown', this.outside, { capture: true, signal });
  }

  hide(): void {
    clearTimeout(this.closeTimer);
    if (open === this) open = undefined;
    if (!this.isOpen) return;
    this.card.classList.remove('o');
    this.card.hidePopover?.();
    this.trigger.setAttribute('aria-expanded', 'false');
    this.opened?.abort();
  }

  private closeSoon(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = window.setTimeout(() => guard(() => this.hide()), 300);
  }

  private readonly outside = (e: Event): void => {
    const path = e.composedPath();
    if (!path.includes(this.host) && !path.includes(this.trigger)) guard(() => this.hide());
  };

  /** Below the trigger, or above it when only there does it fit; aligned with its start, kept on screen. */
  private readonly place = (): void => {
    const r = this.trigger.getBoundingClientRect();
    const { offsetWidth: w, offsetHeight: h } = this.card;
    const width = document.documentElement.clientWidth;
    let top = r.bottom + GAP;
    if (top + h > innerHeight && r.top - GAP - h >= 0) top = r.top - GAP - h;
    const start = this.card.dir === 'rtl' ? r.right - w : r.left;
    const left = Math.max(GAP, Math.min(start, width - w - GAP));
    // CSSOM, not a style attribute: a strict style-src allows it.
    this.card.style.top = `${Math.round(top)}px`;
    this.card.style.left = `${Math.round(left)}px`;
  };

  destroy(): void {
    this.hide();
    this.listening.abort();
    this.card.remove();
    for (const name of ['aria-expanded', 'aria-controls', 'aria-describedby', 'aria-description']) this.trigger.removeAttribute(name);
  }
}
