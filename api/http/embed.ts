/**
 * Everything a partner site touches: the widget files, our page stylesheets, the explainer and entity
 * pages, the embed page, oEmbed and the example news page. Each lives in its own module; this one wires them.
 */
import { embedPageRoutes } from './embed-page';
import { entityPageRoutes } from './entity-page';
import { explainerPageRoutes } from './explainer-page';
import { newsPageRoutes } from './news-page';
import { oembedRoutes } from './oembed';
import { pageAssets } from './page-assets';
import type { HttpContext, Route } from './route';
import { defaultWidgetDir, loadWidgetFiles, widgetFileRoutes } from './widget-files';

export interface EmbedOptions {
  /** Where the widget build is read from (tests point this at a folder of their own). */
  widgetDir?: string;
}

/** Widget files, the explainer and entity pages, the embed page and oEmbed. */
export function embedRoutes(ctx: HttpContext, options: EmbedOptions = {}): Route[] {
  const widgets = loadWidgetFiles(options.widgetDir ?? defaultWidgetDir(), ctx.logger);
  const frame = widgets?.manifest.frame?.file;
  const assets = pageAssets();
  return [
    ...widgetFileRoutes(ctx, widgets),
    ...assets.routes,
    ...explainerPageRoutes(ctx, assets.urls.article),
    ...entityPageRoutes(ctx, assets.urls.entity),
    ...embedPageRoutes(ctx, {
      stylesheet: assets.urls.embed,
      noscriptStylesheet: assets.urls.embedNoscript,
      frameScript: frame && `/widgets/${frame}`,
    }),
    ...oembedRoutes(ctx),
    ...newsPageRoutes(ctx),
  ];
}
