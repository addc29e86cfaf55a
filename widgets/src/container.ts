/**
 * <backstory-box>: after Hypothesis's PreactContainer, one object owns the element, its open shadow
 * root and the Preact tree rendered into it, and can take all of it down again (on disconnect, and for
 * every live box on Backstory.destroy()).
 */
import { Component, h, render, type ComponentChild, type ComponentChildren } from 'preact';
import { readOptions, OBSERVED_ATTRIBUTES, type BoxOptions } from './attributes';
import { clearContextBoxCache, loadContextBox } from './box-cache';
import { ContextBox } from './components/ContextBox';
import { Fallback } from './components/Fallback';
import { Skeleton } from './components/Skeleton';
import { hostTheme, watchHostTheme } from './host-theme';
import { type UiLang, type UiTables, spokenLang, uiLang } from './i18n';
import { follow, stopFollowing } from './live';
import { guard, warn } from './log';
import { clearStringsCache, loadStrings } from './strings-loader';
import { STYLES } from './styles';
import type { ContextBoxData } from './types';

/** updated: a live update changed what the box shows since the page loaded it. */
type State = { status: 'loading' } | { status: 'ready'; box: ContextBoxData; updated?: boolean } | { status: 'missing' };

const live = new Set<BackstoryBox>();
let destroyed = false;
let sheet: CSSStyleSheet | null | undefined;
let nextId = 0;

/** Constructable sheets pass a CSP without 'unsafe-inline'; null means this browser lacks them. */
function constructedSheet(): typeof sheet {
  if (sheet === undefined) {
    sheet = null;
    // Every browser that adopts sheets also constructs them (Chrome 73, Firefox 101, Safari 16.4).
    if ('adoptedStyleSheets' in Document.prototype) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
    }
  }
  return sheet;
}

/**
 * Keeps a bug in one box from reaching the host page or the other boxes: the box becomes its quiet
 * fallback link, never a blank space.
 */
class Boundary extends Component<{ children?: ComponentChildren; fallback: ComponentChild }, { failed?: boolean }> {
  override componentDidCatch(error: unknown): void {
    console.error('[backstory] render failed', error);
    this.setState({ failed: true });
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export class BackstoryBox extends HTMLElement {
  static observedAttributes = OBSERVED_ATTRIBUTES;
  /** Origin of the backstory.js script, set once by the loader: the default `api`. */
  static _defaultApi = '';

  private _root: ShadowRoot | null = null;
  private _state: State = { status: 'loading' };
  /** The words of the reader's language, when it is not English; the fallback link speaks them too. */
  private _tables: UiTables = {};
  private _requestKey = '';
  private _generation = 0;
  private readonly _idPrefix = `backstory-${++nextId}`;
  private _stopWatching: (() => void) | undefined;
  private _stopObserving: (() => void) | undefined;
  private _unfollow: (() => void) | undefined;

  connectedCallback(): void {
    guard(() => this._mount());
  }

  disconnectedCallback(): void {
    guard(() => this._unmount());
  }

  attributeChangedCallback(): void {
    // Also fires for the initial attributes before connection; mount() reads them then.
    guard(() => live.has(this) && this._refresh());
  }

  private _mount(): void {
    if (destroyed || live.has(this)) return;
    live.add(this);
    this._root ??= this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this._stopWatching = watchHostTheme(document, () => guard(() => this._paint()));
    this._refresh();
  }

  /** Leaves the element as the publisher wrote it: an empty shadow root, no sheets, no observers. */
  _unmount(): void {
    live.delete(this);
    this._generation++;
    this._requestKey = '';
    this._stopObserving?.();
    this._unfollow?.();
    this._stopWatching?.();
    if (this._root) {
      render(null, this._root);
      this._root.adoptedStyleSheets = [];
    }
  }

  private _refresh(): void {
    const options = readOptions(this, BackstoryBox._defaultApi);
    const key = JSON.stringify([options.api, options.explainer, options.entity, options.section, options.langs[0]]);
    if (key !== this._requestKey) {
      this._requestKey = key;
      this._generation++;
      this._stopObserving?.();
      this._unfollow?.();
      if (options.explainer || options.entity) {
        this._state = { status: 'loading' };
        this._loadWhenNear(options);
      } else {
        this._state = { status: 'missing' };
        warn('<backstory-box> needs an explainer or entity attribute');
      }
    }
    this._paint(options);
  }

  /**
   * The request waits until the box is about to scroll into view: most boxes on a long page never are.
   * Once loaded, the box follows its explainer's releases (live.ts) and is asked for again after each,
   * in place: a refetch that fails keeps what the box showed.
   */
  private _loadWhenNear(options: BoxOptions): void {
    const generation = this._generation;
    const load = (event?: number): void => {
      this._stopObserving?.();
      const variables = options.explainer
        ? { explainer: options.explainer, section: options.section, locale: options.langs[0] }
        : { entity: options.entity, section: options.section, locale: options.langs[0] };
      // The reader's words are fetched beside the box and the box is drawn once both are in, so it never
      // shows English first. Only when no language of the reader's is ours does the content's decide, later.
      const readerLang = spokenLang(options.langs);
      const words = (lang: UiLang): Promise<UiTables> => loadStrings(options.api, lang).then((t) => (t ? { [lang]: t } : {}));
      void Promise.all([loadContextBox(options.api, variables, event), words(readerLang ?? 'en')]).then(async ([box, tables]) => {
        if (!readerLang && box) tables = await words(uiLang(box.locale));
        guard(() => {
          if (generation !== this._generation || !live.has(this)) return;
          const { _state: state } = this;
          if (state.status === 'ready') {
            if (!box) return;
            state.updated ||= JSON.stringify(box) !== JSON.stringify(state.box);
            state.box = box;
          } else {
            this._state = box ? { status: 'ready', box } : { status: 'missing' };
            if (box?.explainer) this._unfollow = follow(options.api, box.explainer.slug, load);
          }
          this._tables = tables;
          this._paint();
        });
      });
    };
    const observer = new IntersectionObserver(
      (entries) => guard(() => entries.some((entry) => entry.isIntersecting) && load()),
      { rootMargin: '200px' },
    );
    observer.observe(this);
    this._stopObserving = () => {
      observer.disconnect();
      this._stopObserving = undefined;
    };
  }

  private _paint(options = readOptions(this, BackstoryBox._defaultApi)): void {
    const root = this._root;
    if (!root || !live.has(this)) return;
    const theme = options.theme === 'auto' ? hostTheme(document) : options.theme;
    const { _state: state } = this;
    // The options a component does not know (api, explainer, entity, section) go unread.
    const props = { ...options, strings: this._tables, theme };
    const fallback = options.explainer ? h(Fallback, { ...props, href: `${options.api}/explainers/${encodeURIComponent(options.explainer)}` }) : null;
    const view =
      state.status === 'loading'
        ? h(Skeleton, { theme })
        : state.status === 'ready'
          ? h(ContextBox, { ...props, box: state.box, idPrefix: this._idPrefix, updatedNow: state.updated })
          : fallback;

    const constructed = constructedSheet();
    if (constructed && root.adoptedStyleSheets[0] !== constructed) root.adoptedStyleSheets = [constructed];
    // Browsers without constructable sheets (Safari < 16.4) get a <style>; it needs 'unsafe-inline' there.
    const style = constructed ? null : h('style', null, STYLES);
    render(h(Boundary, { fallback }, style, view), root);
  }
}

/** Takes down every live box; boxes connected afterwards stay inert (the element cannot be undefined). */
export function destroyAll(): void {
  destroyed = true;
  for (const box of [...live]) box._unmount();
  stopFollowing();
  clearContextBoxCache();
  clearStringsCache();
}
