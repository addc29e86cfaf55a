import { fill, formatDate, type UiTables, ui as uiFor, uiLang } from '../i18n';
import type { ContextBoxData } from '../types';
import { Blocks } from './Blocks';
import { headingLevel, headingTag } from './heading';
import { KeyFacts } from './KeyFacts';
import { httpUrl } from './links';
import { SectionPanel } from './SectionPanel';
import { Sources } from './Sources';
import { Toggle } from './Toggle';

export type Variant = 'compact' | 'full';
export type Theme = 'light' | 'dark';

export interface ContextBoxProps {
  box: ContextBoxData;
  /** compact: question, clamped summary, "Show more"; full: everything, sections behind disclosures. */
  variant?: Variant;
  /** Start expanded: the compact box shows its details and every section is open. */
  open?: boolean;
  /** The reader's languages for the box's own words and dates, best first; the content's locale comes after them. */
  langs?: readonly string[];
  /** The words at hand beside English (backstory.js fetches the reader's language's; servers pass it). */
  strings?: UiTables;
  /** Set on the element: the box's direction whatever language it speaks. */
  dir?: 'ltr' | 'rtl';
  /** Set on the page around it: the box's direction unless its words are right-to-left. */
  pageDir?: 'ltr' | 'rtl';
  theme?: Theme;
  /** Level of the question's heading, 2..6; inner headings go one level deeper. */
  headingLevel?: number;
  /** Prefix for element ids; must be unique per box when several share one document. */
  idPrefix?: string;
  /** A live update changed the box while it was open: say so, once, to sight and to screen readers. */
  updatedNow?: boolean;
}

export function ContextBox({
  box,
  variant = 'compact',
  open = false,
  langs = [],
  strings,
  dir,
  pageDir,
  theme = 'light',
  headingLevel: level = 2,
  idPrefix = 'backstory',
  updatedNow,
}: ContextBoxProps) {
  const ui = uiFor([...langs, box.locale], strings);
  // A page's dir mirrors the box; right-to-left words mirror it whatever the page says.
  const boxDir = dir ?? (ui.t.dir === 'rtl' ? 'rtl' : (pageDir ?? 'ltr'));
  // The box speaks the reader's language; content in another keeps its own language, and content written
  // the other way keeps its own direction (English on a right-to-left page).
  const contentDir = box.direction === 'RTL' ? 'rtl' : 'ltr';
  const content: { lang?: string; dir?: 'ltr' | 'rtl' } = {
    lang: uiLang(box.locale) === ui.lang ? undefined : box.locale,
    dir: contentDir === boxDir ? undefined : contentDir,
  };
  const top = headingLevel(level);
  const inner = Math.min(6, top + 1);
  const H = headingTag(top);
  const compact = variant !== 'full';
  const headingId = `${idPrefix}-q`;
  const moreId = `${idPrefix}-more`;
  const updated = formatDate(box.updatedAt, ui);
  const href = httpUrl(box.url);

  const details = (
    <>
      <KeyFacts facts={box.keyFacts ?? []} ui={ui} level={inner} />
      {(box.sections ?? []).length > 0 && (
        <div class="secs" {...content}>
          {(box.sections ?? []).map((section, i) => (
            <SectionPanel key={section.slug} section={section} ui={ui} level={inner} id={`${idPrefix}-s${i}`} open={open} />
          ))}
        </div>
      )}
      <Sources sources={box.sources ?? []} ui={ui} level={inner} />
      {(box.corrections ?? []).map((correction, i) => (
        <p key={i} class="cor">
          <strong>{ui.t.correction}</strong> <bdi>{correction.text}</bdi>
        </p>
      ))}
      {updated && (
        <p class="upd">{fill(ui.t.updated, { date: <time dateTime={box.updatedAt}>{updated}</time> })}</p>
      )}
    </>
  );

  const frame = (expanded: boolean, toggle?: () => void) => (
    <div
      role="region"
      aria-labelledby={headingId}
      part="root"
      class={`bs ${theme === 'dark' ? 'dark' : 'light'} ${compact ? 'compact' : 'full'}`}
      dir={boxDir}
      lang={ui.tag}
    >
      <div class={toggle && !expanded ? 'head clamp lc' : 'head'} {...content}>
        <H id={headingId} class="q" part="heading">
          {box.question}
        </H>
        <p class="sum" part="summary">
          {box.summary}
        </p>
      </div>
      {toggle ? (
        <div id={moreId} class="more" hidden={!expanded}>
          {details}
        </div>
      ) : (
        details
      )}
      {(toggle || href) && (
        <div class="foot">
          {toggle && (
            <button
              type="button"
              class="tg"
              part="toggle"
              aria-expanded={expanded}
              aria-controls={moreId}
              onClick={toggle}
            >
              {expanded ? ui.t.showLess : ui.t.showMore}
            </button>
          )}
          {/* A polite live region, there from the first render so that its text is announced; in the
              foot, whose height is fixed, so that the words appearing move nothing. */}
          <span role="status" class="now">
            {updatedNow && ui.t.updatedNow}
          </span>
          {href && (
            <a class="fl" part="link" href={href} target="_blank" rel="noopener">
              {ui.t.fullExplainer}
            </a>
          )}
        </div>
      )}
    </div>
  );

  return compact ? <Toggle open={open}>{frame}</Toggle> : frame(true);
}
