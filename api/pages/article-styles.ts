/**
 * The explainer page's stylesheet (served as /assets/explainer.<hash>.css). One small file, system
 * fonts, logical properties so an Arabic explainer mirrors, and the reader's light or dark preference.
 */
export const ARTICLE_CSS = `
:root{--fg:#1b1b1f;--mu:#55555f;--bg:#fff;--ln:#d6d6dd;--a:#0b57d0;--tint:#f3f4f8;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#ececf1;--mu:#b6b6c2;--bg:#16171b;--ln:#3c3e47;--a:#a8c7fa;--tint:#20222a}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.65 Charter,"Bitstream Charter","Sitka Text",Cambria,"Noto Serif","Noto Naskh Arabic",serif}
h1,h2,.kicker,.meta,.masthead,.facts,.sources,.embed,.translations,figcaption{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif}
a{color:var(--a);text-underline-offset:.15em}
a:focus-visible,summary:focus-visible{outline:2px solid var(--a);outline-offset:2px;border-radius:2px}
.masthead{border-block-end:1px solid var(--ln);padding-block:.75rem}
.brand{max-inline-size:42rem;margin:0 auto;padding-inline:1.25rem;font-weight:800;letter-spacing:.02em}
.article{max-inline-size:42rem;margin:0 auto;padding:2rem 1.25rem 4rem}
.kicker{margin:0 0 .5rem;font-size:.875rem;font-weight:700;text-transform:uppercase;letter-spacing:.06em;color:var(--a)}
:lang(ar) .kicker{text-transform:none;letter-spacing:normal}
h1{margin:0;font-size:clamp(1.75rem,4vw + 1rem,2.5rem);line-height:1.15;font-weight:800;text-wrap:balance}
h2{margin:2.5rem 0 .75rem;font-size:1.375rem;line-height:1.3}
.standfirst{margin:1rem 0;font-size:1.25rem;line-height:1.5;color:var(--mu)}
.meta{display:flex;flex-wrap:wrap;gap:.25rem .75rem;margin:0;font-size:.875rem;color:var(--mu)}
.dateline{font-weight:700;text-transform:uppercase;letter-spacing:.04em}
.translations{font-size:.875rem}
.facts{margin-block:2rem;padding:1rem 1.25rem;background:var(--tint);border-radius:8px;font-size:.9375rem}
.facts .sub{margin:0 0 .5rem;font-size:.875rem;text-transform:uppercase;letter-spacing:.06em;color:var(--mu)}
.facts dl{margin:0}
.facts dl div{display:flex;flex-wrap:wrap;column-gap:1rem;padding-block:.375rem;border-block-end:1px solid var(--ln)}
.facts dl div:last-child{border:0}
.facts dt{flex:0 0 9rem;font-weight:600}
.facts dd{flex:1 1 14rem;margin:0}
.ct{font-size:.8em;color:var(--mu)}
.part p{margin:0 0 1rem}
.qt{margin:1.5rem 0;padding-inline-start:1.25rem;border-inline-start:3px solid var(--a)}
.qt blockquote{margin:0;font-style:italic}
:lang(ar) .qt blockquote{font-style:normal}
.qt figcaption{font-size:.875rem;color:var(--mu)}
.qt figcaption::before{content:"— "}
.part ul,.part ol{padding-inline-start:1.25rem}
.part li{margin-block:.375rem;font-size:1rem}
.pub,.cited{color:var(--mu)}
.embed{margin-block-start:3rem;padding:1rem 1.25rem;border:1px solid var(--ln);border-radius:8px;font-size:.9375rem}
.embed summary{cursor:pointer;font-weight:600}
.embed pre{white-space:pre-wrap;overflow-wrap:anywhere;padding:.75rem;background:var(--tint);border-radius:6px;font-size:.8125rem;line-height:1.5;direction:ltr;text-align:left}
`.trim();
