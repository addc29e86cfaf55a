/**
 * The built widget files (dist/widgets, written by `npm run build:widgets`), read once at start:
 *
 *   /widgets/v1/backstory.js        the URL publishers paste; changes with every release, so cached briefly
 *   /widgets/v1/backstory.css       the host page's rules that reserve the box's space before the script runs
 *   /widgets/v1/strings/<lang>.json the box's words in a language other than English, fetched by backstory.js
 *   /widgets/v1/manifest.json       { file, integrity, gzipBytes, frame, mentions, css }: what to pin
 *   /widgets/backstory.<hash>.js    immutable copies, cached for a year; also the embed page's frame script
 *                                   and the hovercards' chunk
 *   /widgets/backstory.<hash>.css   and the stylesheet's
 *
 * Every page on any origin may load them (CORS and CORP open: they carry no secrets). A missing build
 * is logged and answered with 404, never a crash, so the API keeps serving without the widgets.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { repoRoot } from './repo-root';
import { type HttpContext, type Route, sendJson } from './route';
import { type StaticFile, staticFile } from './static-file';
import { sendRepresentation } from './conditional-get';

export const MOVING_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

export interface WidgetManifest {
  file: string;
  integrity: string;
  gzipBytes: number;
  /** The embed page's script, built beside the bundle. */
  frame?: { file: string; integrity: string; gzipBytes: number };
  /** The hovercards' chunk, which backstory.js loads by this name. */
  mentions?: { file: string; integrity: string; gzipBytes: number };
  /** backstory.css under its hash; read by CMS plugins to enqueue it. */
  css?: { file: string; integrity: string };
}

export interface WidgetFiles {
  manifest: WidgetManifest;
  moving: { 'backstory.js': StaticFile; 'backstory.css': StaticFile; 'manifest.json': StaticFile };
  /** By file name: backstory.<hash>.js, the frame script, the hovercards' chunk and backstory.<hash>.css. */
  hashed: Map<string, StaticFile>;
  /** By language: the box's words, as backstory.js fetches them. */
  strings: Map<string, StaticFile>;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const HASHED_NAME = /^[a-z-]+\.[0-9a-f]{8}\.(js|css)$/;

export const defaultWidgetDir = (): string => join(repoRoot(), 'dist', 'widgets');

/** Undefined (and one error logged) when the build is missing or unreadable. */
export function loadWidgetFiles(dir: string, logger: Logger): WidgetFiles | undefined {
  try {
    const manifestBytes = readFileSync(join(dir, 'manifest.json'));
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as WidgetManifest;
    const hashed = new Map<string, StaticFile>();
    for (const name of [manifest.file, manifest.frame?.file, manifest.mentions?.file, manifest.css?.file]) {
      if (name === undefined) continue;
      if (!HASHED_NAME.test(name)) throw new Error(`manifest names an unexpected file "${name}"`);
      hashed.set(name, staticFile(readFileSync(join(dir, name)), name.endsWith('.css') ? CSS : JS));
    }
    const strings = new Map<string, StaticFile>();
    for (const name of readdirSync(join(dir, 'strings'))) {
      const lang = /^([a-z]{2,3})\.json$/.exec(name)?.[1];
      if (lang) strings.set(lang, staticFile(readFileSync(join(dir, 'strings', name)), JSON_TYPE));
    }
    return {
      manifest,
      strings,
      moving: {
        'backstory.js': staticFile(readFileSync(join(dir, 'backstory.js')), JS),
        'backstory.css': staticFile(readFileSync(join(dir, 'backstory.css')), CSS),
        'manifest.json': staticFile(manifestBytes, JSON_TYPE),
      },
      hashed,
    };
  } catch (error) {
    logger.error(
      { err: error, dir },
      'widget files are missing or unreadable: run `npm run build:widgets`; /widgets/* answers 404 until a restart finds them',
    );
    return undefined;
  }
}

const shared = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  // Lets publishers see our script's timings in their own performance tooling.
  'timing-allow-origin': '*',
};

export function widgetFileRoutes(ctx: HttpContext, files: WidgetFiles | undefined): Route[] {
  const missing = (res: Parameters<Route['handler']>[1], url: URL): void => {
    ctx.logger.warn({ path: url.pathname }, files ? 'no such widget file' : 'widget files were not built: answering 404');
    sendJson(res, 404, { error: 'not found' }, { ...shared, 'cache-control': 'no-store' });
  };
  const moving = (name: keyof WidgetFiles['moving']): Route['handler'] => (req, res, _params, url) => {
    if (!files) return missing(res, url);
    sendRepresentation(req, res, files.moving[name], { ...shared, 'cache-control': MOVING_CACHE });
  };
  return [
    { method: 'GET', path: '/widgets/v1/backstory.js', handler: moving('backstory.js') },
    { method: 'GET', path: '/widgets/v1/backstory.css', handler: moving('backstory.css') },
    { method: 'GET', path: '/widgets/v1/manifest.json', handler: moving('manifest.json') },
    {
      method: 'GET',
      path: '/widgets/v1/strings/:file',
      handler: (req, res, params, url) => {
        const file = files?.strings.get(/^([a-z]{2,3})\.json$/.exec(params.file ?? '')?.[1] ?? '');
        if (!file) return missing(res, url);
        sendRepresentation(req, res, file, { ...shared, 'cache-control': MOVING_CACHE });
      },
    },
    {
      method: 'GET',
      path: '/widgets/:file',
      handler: (req, res, params, url) => {
        const file = files?.hashed.get(params.file ?? '');
        if (!file) return missing(res, url);
        sendRepresentation(req, res, file, { ...shared, 'cache-control': IMMUTABLE_CACHE });
      },
    },
  ];
}
