/*
 * The hovercards' sheet, adopted by each mention's shadow root. The host is unset rather than reset, so
 * the mention keeps the article's own font and colour and the line it sits on does not move; the card
 * sets everything it shows itself (medium text, our palette, logical properties for right-to-left).
 * The same brand hooks as the box: --backstory-accent, --backstory-accent-dark, --backstory-font-family.
 */
export const MENTION_CSS = `:host{all:unset!important;display:inline!important}
.t{text-decoration:underline dotted;text-underline-offset:.2em;cursor:help}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
.t:focus-visible{outline-color:currentColor}
.c{all:initial;display:none;position:fixed;z-index:2147483647;box-sizing:border-box;inline-size:min(22em,calc(100vw - 16px));padding:.75em 1em;font:medium/1.45 var(--backstory-font-family,system-ui,sans-serif);color:var(--fg);background:var(--bg);border:1px solid var(--ln);border-radius:8px;box-shadow:0 4px 16px #0003}
.c.o{display:block}
.light{--a:var(--backstory-accent,#0b57d0);--fg:#1b1b1f;--mu:#4d4d57;--bg:#fff;--ln:#c4c4cc}
.dark{--a:var(--backstory-accent-dark,#a8c7fa);--fg:#ececf1;--mu:#b6b6c2;--bg:#1c1d22;--ln:#474953}
p{margin:0}
.n{font-weight:700}
.d,.s{color:var(--mu)}
ul{margin:.5em 0;padding-inline-start:1.1em;font-size:.875em}
li+li{margin-top:.25em}
a{color:var(--a);text-underline-offset:.15em}
.x{font-weight:600;font-size:.875em}
@media (forced-colors:active){.c{border-color:CanvasText}}`;
