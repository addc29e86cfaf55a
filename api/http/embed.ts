import type { HttpContext, Route } from './route';

/** Widget files, the explainer page, the embed page and oEmbed. */
export function embedRoutes(_ctx: HttpContext): Route[] {
  return [];
}
