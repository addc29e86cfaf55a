/**
 * The entity page's stylesheet (served as /assets/entity.<hash>.css): the explainer page's, so the two
 * read as one site, and the few pieces only an entity has.
 */
import { ARTICLE_CSS } from './article-styles';

export const ENTITY_CSS = `${ARTICLE_CSS}
.entity .meta{align-items:baseline;margin-block-start:.5rem}
.kind{font-weight:700;text-transform:uppercase;letter-spacing:.04em}
:lang(ar) .kind{text-transform:none;letter-spacing:normal}
.aka{margin:0 0 1.5rem;font-size:1rem}
.entity .facts{margin-block:0}
.entity .facts dd{overflow-wrap:anywhere}
.src,.hedge,.note{font-size:.875rem;color:var(--mu)}
.entity .part ul{list-style:none;padding:0}
.relations li{padding-block:.25rem;border-block-end:1px solid var(--ln)}
.relations li:last-child{border:0}
.explainers li{margin-block:0 1rem}
.explainers a{font-weight:700}
.explainers p{margin:.25rem 0 0;font-size:.9375rem;color:var(--mu)}
`.trim();
