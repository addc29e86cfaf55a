/**
 * For theme="auto": follows a host page that switches themes at run time the two common ways
 * (data-theme="dark|light" or a dark/light class on <html> or <body>), else the reader's OS preference.
 */
import type { Theme } from './components/ContextBox';

const QUERY = '(prefers-color-scheme: dark)';

export function hostTheme(doc: Document): Theme {
  // <body> is checked first: it is the more specific of the two when a page sets both.
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const attr = el.getAttribute('data-theme');
    if (attr === 'dark' || el.classList.contains('dark')) return 'dark';
    if (attr === 'light' || el.classList.contains('light')) return 'light';
  }
  return doc.defaultView?.matchMedia(QUERY).matches ? 'dark' : 'light';
}

/** Calls onChange whenever hostTheme() may have changed; returns the function that stops watching. */
export function watchHostTheme(doc: Document, onChange: () => void): () => void {
  const media = doc.defaultView?.matchMedia(QUERY);
  media?.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  for (const el of [doc.documentElement, doc.body]) {
    if (el) observer.observe(el, { attributes: true, attributeFilter: ['class', 'data-theme'] });
  }
  return () => {
    media?.removeEventListener('change', onChange);
    observer.disconnect();
  };
}
