/**
 * backstory-mentions.<hash>.js: hovercards on a partner's own text, loaded by backstory.js only when
 * the page has a <backstory-mentions> or calls Backstory.mentions(el). It defines <backstory-mentions>,
 * takes the elements queued on window.Backstory, replaces Backstory.mentions with its own and wraps
 * Backstory.destroy so that it takes the hovercards down too. In each element, the mentions the markup
 * names (<backstory-mention entity>, <a data-backstory-entity>) and those the API finds in its text,
 * filtered by the options below, become hovercard triggers. Plain DOM, no Preact: this chunk has a
 * 4 KB budget of its own.
 */
import { hostTheme } from '../host-theme';
import type { BackstoryGlobal } from '../loader';
import { guard, warn } from '../log';
import { Hovercard, type Theme } from './card';
import { collect } from './collect';
import { clearMentions, fetchMentions } from './fetch';
import { MENTION_CSS } from './styles';
import type { MentionCard } from './types';

/** What a publisher can say on <backstory-mentions> (or the element given to Backstory.mentions). */
function readOptions(el: Element, defaultApi: string) {
  const attr = (name: string): string | undefined => el.getAttribute(name)?.trim() || undefined;
  const max = Number(attr('max'));
  const theme = attr('theme');
  return {
    max: Number.isInteger(max) && max >= 0 ? max : 5, // default 5 mentions found in the text
    entities: attr('entities')?.split(/[\s,]+/), // default: every entity
    firstOnly: attr('first-only') !== 'false', // default true: the first mention of each entity
    exclude: attr('exclude'), // default: nothing beyond headings, links and code
    theme: (): Theme => (theme === 'light' || theme === 'dark' ? theme : hostTheme(document)), // default auto
    api: (attr('api') ?? defaultApi).replace(/\/+$/, ''), // default: where the script came from
  };
}

const script = document.currentScript as HTMLScriptElement | null;
const defaultApi = script?.src ? new URL(script.src).origin : location.origin;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXPLICIT = 'backstory-mention[entity],a[data-backstory-entity]';

const decorated = new WeakSet<Element>();
const cards: Hovercard[] = [];
/** Elements we made: mentions found in the text, and the card holders beside publishers' links. */
const made: Element[] = [];
/** Publishers' own <backstory-mention>s, whose shadow roots we filled. */
const filled: ShadowRoot[] = [];
let sheet: CSSStyleSheet | undefined;
let destroyed = false;

const slugOf = (el: Element): string => el.getAttribute('entity') ?? el.getAttribute('data-backstory-entity') ?? '';

function shadow(host: HTMLElement): ShadowRoot {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if ('replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(MENTION_CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    // Browsers without constructable sheets need 'unsafe-inline' for this, as for the box.
    root.append(Object.assign(document.createElement('style'), { textContent: MENTION_CSS }));
  }
  return root;
}

function attach(el: HTMLElement, data: MentionCard, theme: () => Theme): void {
  if (el.localName === 'a') {
    // A link stays the publisher's link: it is the trigger, and the card sits in an element just after it.
    const holder = document.createElement('backstory-mention');
    holder.setAttribute('entity', slugOf(el));
    el.after(holder);
    made.push(holder);
    cards.push(new Hovercard(holder, el, shadow(holder), data, theme));
    return;
  }
  const root = shadow(el);
  if (!made.includes(el)) filled.push(root);
  const trigger = document.createElement('span');
  trigger.className = 't';
  trigger.tabIndex = 0;
  trigger.setAttribute('role', 'button');
  trigger.append(document.createElement('slot'));
  root.append(trigger);
  cards.push(new Hovercard(el, trigger, root, data, theme));
}

async function decorate(el: Element): Promise<void> {
  if (decorated.has(el)) return;
  decorated.add(el);
  const options = readOptions(el, defaultApi);
  const explicit = [...el.querySelectorAll<HTMLElement>(EXPLICIT)].filter((x) => SLUG.test(slugOf(x)));
  const found = collect(el, options.exclude);
  const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
  const answer = await fetchMentions(options.api, found.text, [...new Set(explicit.map(slugOf))].slice(0, 20), /^[a-z]{2,3}(-\w+)*$/i.test(lang) ? lang : undefined);
  if (!answer || destroyed) return;

  const started = performance.now();
  const used = new Set<string>();
  for (const x of explicit) {
    const data = answer.entities[slugOf(x)];
    if (!data) continue;
    used.add(slugOf(x));
    attach(x, data, options.theme);
  }
  const picks: Array<[Text, number, number, string]> = [];
  let i = 0;
  for (const m of answer.mentions) {
    if (picks.length >= options.max) break;
    if ((options.entities && !options.entities.includes(m.entity)) || (options.firstOnly && used.has(m.entity)) || !answer.entities[m.entity]) continue;
    while (i + 1 < found.starts.length && found.starts[i + 1] <= m.start) i++;
    const node = found.nodes[i];
    const at = m.start - found.starts[i];
    // Skips a mention across two nodes, and one whose text changed while the API answered.
    if (!node?.isConnected || node.data.slice(at, at + m.end - m.start) !== found.text.slice(m.start, m.end)) continue;
    picks.push([node, at, m.end - m.start, m.entity]);
    used.add(m.entity);
  }
  // Last first, so that splitting a node leaves the offsets of earlier mentions in it as they were.
  for (const [node, at, length, entity] of picks.reverse()) {
    const text = node.splitText(at);
    text.splitText(length);
    const host = document.createElement('backstory-mention');
    host.setAttribute('entity', entity);
    text.replaceWith(host);
    host.append(text);
    made.push(host);
    attach(host, answer.entities[entity], options.theme);
  }
  performance.measure('backstory:mentions', { start: started });
}

function destroy(): void {
  destroyed = true;
  for (const card of cards.splice(0)) card.destroy();
  for (const root of filled.splice(0)) {
    root.replaceChildren(document.createElement('slot'));
    root.adoptedStyleSheets = [];
  }
  for (const host of made.splice(0)) {
    const parent = host.parentNode;
    host.replaceWith(...host.childNodes);
    parent?.normalize();
  }
  clearMentions();
}

const start = (el: Element): void => {
  if (!destroyed) void decorate(el).catch((error: unknown) => warn(String(error)));
};

guard(() => {
  const backstory: BackstoryGlobal | undefined = window.Backstory;
  if (!backstory || customElements.get('backstory-mentions')) return;
  customElements.define(
    'backstory-mentions',
    class extends HTMLElement {
      connectedCallback() {
        guard(() => start(this));
      }
    },
  );
  backstory.mentions = start;
  for (const el of backstory.queue.splice(0)) start(el);
  const destroyBoxes = backstory.destroy;
  backstory.destroy = () => {
    guard(destroy);
    destroyBoxes();
  };
});
