import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';

export interface DocumentProps {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  stylesheets: string[];
  /** Anything else the head needs: meta, links, data blocks. */
  head?: ComponentChildren;
  bodyClass?: string;
  children?: ComponentChildren;
}

/** A whole HTML document. No inline script or style ever: our pages run under a CSP without 'unsafe-inline'. */
export function renderDocument({ lang, dir, title, stylesheets, head, bodyClass, children }: DocumentProps): string {
  return `<!doctype html>${render(
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {/* No icon: saves every page view a request for /favicon.ico that would only 404. */}
        <link rel="icon" href="data:," />
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {head}
      </head>
      <body class={bodyClass}>{children}</body>
    </html>,
  )}`;
}

/**
 * JSON that is safe inside <script type="application/...json">: "</script>" or "<!--" in a string
 * cannot end the element, and U+2028/2029 cannot trip an old parser.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface JsonScriptProps {
  type: 'application/ld+json' | 'application/json';
  id?: string;
  value: unknown;
}

/** A data block: not executed, so allowed by script-src 'self'. Its text is raw (a script element's content is not HTML-decoded). */
export function JsonScript({ type, id, value }: JsonScriptProps) {
  return <script type={type} id={id} dangerouslySetInnerHTML={{ __html: scriptSafeJson(value) }} />;
}
