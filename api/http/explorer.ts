/**
 * The GraphQL explorer (GraphiQL, built into dist/explorer by `npm run build`), read once at start
 * when config.explorer is on:
 *
 *   /explorer           the page: one script and one stylesheet of ours, nothing inline
 *   /explorer/:file     the bundle, its stylesheet, Monaco's workers and fonts
 *
 * Everything comes from this origin, and scripts (Monaco's workers too) only from files of ours, as on
 * our other pages. The policy adds GraphiQL's fonts (data: URLs inside its stylesheet) and inline
 * styles: Monaco, the editor, lays text out with style attributes and style elements it writes as it runs.
 * Off, the routes do not exist. A missing build is logged and answered with 404.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Logger } from 'pino';
import { repoRoot } from './repo-root';
import { type HttpContext, type Route, sendJson } from './route';
import { contentSecurityPolicy } from './security-headers';
import { sendHtml } from './html';
import { type StaticFile, contentHash, sendStatic } from './static-file';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export const EXPLORER_CSP = contentSecurityPolicy('none').replace("style-src 'self'", "style-src 'self' 'unsafe-inline'") + "; font-src 'self' data:";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Backstory GraphQL explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/explorer/explorer.css">
</head>
<body>
<div id="explorer"></div>
<script src="/explorer/explorer.js"></script>
</body>
</html>
`;

export const defaultExplorerDir = (): string => join(repoRoot(), 'dist', 'explorer');

/** The built files by name; undefined (and one error logged) when the build is missing. */
export function loadExplorerFiles(dir: string, logger: Logger): Map<string, StaticFile> | undefined {
  try {
    const files = new Map<string, StaticFile>();
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (!type) continue;
      const body = readFileSync(join(dir, name));
      // Gzip at a middle level: brotli at its best would hold the start up for seconds on these megabytes.
      files.set(name, { body, type, etag: `"${contentHash(body)}"`, gzip: type.startsWith('font/') ? undefined : gzipSync(body, { level: 6 }) });
    }
    if (!files.has('explorer.js')) throw new Error('explorer.js is missing');
    return files;
  } catch (error) {
    logger.error({ err: error, dir }, 'explorer files are missing: run `npm run build`; /explorer answers 404 until a restart finds them');
    return undefined;
  }
}

export function explorerRoutes(ctx: HttpContext, dir = defaultExplorerDir()): Route[] {
  if (!ctx.config.explorer) return [];
  const files = loadExplorerFiles(dir, ctx.logger);
  return [
    {
      method: 'GET',
      path: '/explorer',
      handler: (req, res) => {
        if (!files) return sendJson(res, 404, { error: 'not found' });
        sendHtml(req, res, 200, PAGE, { framing: 'none', cache: 'no-cache', csp: EXPLORER_CSP });
      },
    },
    {
      method: 'GET',
      path: '/explorer/:file',
      handler: (req, res, params) => {
        const file = files?.get(params.file ?? '');
        if (!file) return sendJson(res, 404, { error: 'not found' });
        // Unhashed names: revalidated by ETag on every load, which a development tool can afford.
        sendStatic(req, res, file, { 'cache-control': 'no-cache' });
      },
    },
  ];
}
