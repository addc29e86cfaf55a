/**
 * Headers for every HTML page we serve. Our pages run no inline script or style, load only what we
 * serve ourselves, and may be framed only where framing is the point: the embed page.
 */

/** 'none': a page of ours, never framed. 'any': the embed page, which any site may put in an iframe. */
export type Framing = 'none' | 'any';

export function contentSecurityPolicy(framing: Framing): string {
  return [
    "default-src 'none'",
    "style-src 'self'",
    "script-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${framing === 'any' ? '*' : "'none'"}`,
  ].join('; ');
}

export function htmlHeaders(framing: Framing, csp = contentSecurityPolicy(framing)): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  if (framing === 'none') {
    // For browsers that predate frame-ancestors.
    headers['x-frame-options'] = 'DENY';
    headers['cross-origin-opener-policy'] = 'same-origin';
  } else {
    // Lets a host page that sets Cross-Origin-Embedder-Policy still frame the box.
    headers['cross-origin-resource-policy'] = 'cross-origin';
  }
  return headers;
}
