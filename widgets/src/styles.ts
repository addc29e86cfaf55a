/*
 * Brand hooks. Custom properties cross the shadow boundary, so set them on backstory-box or any ancestor:
 *
 *   --backstory-accent        links, buttons, focus ring and the edge stripe in the light theme (#0b57d0)
 *   --backstory-accent-dark   the same in the dark theme (#a8c7fa); separate because a brand colour that
 *                             passes contrast on white rarely does on near-black
 *   --backstory-font-family   (system-ui stack)
 *   --backstory-radius        corner radius of the box (8px)
 *
 * Parts, for backstory-box::part(name): root, heading, summary, toggle ("Show more"), section,
 * section-toggle, sources, link (to the full explainer), fallback.
 *
 * The host element is sealed: its :host rules are !important, which in the cascade beats every rule of the
 * page around it (for important declarations the shadow tree's context wins), so a page's `* { all: revert }`,
 * `* { font-size: 2rem }` or `[hidden] { display: block !important }` cannot reach the box. Custom properties
 * are untouched by `all`, so the brand hooks above still inherit; everything else inside inherits initial
 * values (letter-spacing, white-space, text-align...) and needs no reset of its own. To place the box (margins, width, float),
 * style an element around it; to hide it, use the hidden attribute.
 *
 * Layout rules: logical properties only, so dir="rtl" mirrors the box; every length is in em of the host
 * so the reserved height below tracks the host's font size. The collapsed compact box is built from
 * fixed-height rows (2 * 1em padding + 7.75em clamp + .75em gap + 2.25em foot + 2 * 1px border) and
 * RESERVE reserves exactly that, on the host page before the script runs (page-styles.ts, backstory.css)
 * and on the host element after (STYLES), in every state: the skeleton, the loaded box and the fallback link all
 * fit in it, so nothing below the box moves.
 */

/** The collapsed compact box's height, in em of a medium font (the host's font-size once the box is defined). */
export const RESERVE = 'calc(12.75em + 2px)';

export const STYLES = `:host{all:initial!important;display:block!important;contain:content!important;min-block-size:${RESERVE}!important}
:host([hidden]){display:none!important}
*{box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit}
.light{--a:var(--backstory-accent,#0b57d0);--fg:#1b1b1f;--mu:#4d4d57;--bg:#fff;--ln:#c4c4cc;--sk:#e6e6eb}
.dark{--a:var(--backstory-accent-dark,#a8c7fa);--fg:#ececf1;--mu:#b6b6c2;--bg:#1c1d22;--ln:#474953;--sk:#30323a}
.bs,.fb{font:400 1em/1.5 var(--backstory-font-family,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif);color:var(--fg)}
.bs{padding:1em 1.25em;background:var(--bg);border:1px solid var(--ln);border-inline-start:4px solid var(--a);border-radius:var(--backstory-radius,8px)}
.q{font-size:1.125em;line-height:1.3333;font-weight:700}
.sum{margin-block-start:.25em}
.clamp{block-size:7.75em;overflow:hidden}
.lc{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:5}
.foot{display:flex;align-items:center;gap:1em;block-size:2.25em;margin-block-start:.75em}
.tg{flex:none;block-size:100%;padding-inline:1em;font-size:.875em;font-weight:600;color:var(--a);background:transparent;border:1px solid var(--a);border-radius:999px;cursor:pointer}
.tg:hover{background:var(--sk)}
.now{flex:none}
.fl{min-inline-size:0;margin-inline-start:auto;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:.875em}
a{color:var(--a);text-underline-offset:.15em}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
.sub{margin-block:1em .25em;font-weight:700}
dl div{display:flex;flex-wrap:wrap;column-gap:.75em;padding-block:.375em;border-block-end:1px solid var(--ln)}
dt{flex:0 0 9em;font-weight:600}
dd{flex:1 1 12em}
.secs{margin-block-start:1em;border-block-end:1px solid var(--ln)}
.sec{border-block-start:1px solid var(--ln)}
.disc{display:flex;align-items:center;justify-content:space-between;gap:1em;inline-size:100%;padding-block:.625em;font-weight:600;text-align:start;background:none;border:0;cursor:pointer}
.disc::after{content:"+";flex:none;font-size:1.25em;line-height:1;color:var(--a)}
.disc[aria-expanded=true]::after{content:"\\2212"}
.sec-b{padding-block-end:.75em}
.sec-b>*+*,blockquote>*+*{margin-block-start:.75em}
.qt{padding-inline-start:1em;border-inline-start:3px solid var(--ln)}
figcaption{margin-block-start:.375em;font-size:.875em;color:var(--mu)}
.sub,.ct,.pub,.now,.cor,.upd{font-size:.8125em;color:var(--mu)}
ul{padding-inline-start:1.25em;font-size:.875em}
.cor,.upd{margin-block-start:1em}
.cor strong{font-weight:700}
.bar{display:block;block-size:1em;margin-block:.25em .5em;border-radius:4px;background:var(--sk);animation:bs-pulse 1s ease-in-out infinite alternate}
.bq{block-size:1.25em;inline-size:55%;margin-block-end:.75em}
.bs3{inline-size:70%}
.bb{inline-size:7.5em;block-size:100%;margin:0;border-radius:999px}
@keyframes bs-pulse{to{opacity:.55}}
.fb{padding:2px;font-size:.875em}
.fb :focus-visible{outline-offset:0}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
@media (forced-colors:active){.bs{border-inline-start-width:1px}.tg{border-color:ButtonText}}`;
