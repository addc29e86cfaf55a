import type { Ui } from '../i18n';
import type { Section } from '../types';
import { Blocks } from './Blocks';
import { headingTag } from './heading';
import { Toggle } from './Toggle';

export interface SectionPanelProps {
  section: Section;
  ui: Ui;
  level: number;
  /** Unique within the document the box renders into; the panel's id is derived from it. */
  id: string;
  open?: boolean;
}

/** One explainer section behind a disclosure button, expanding in place. */
export function SectionPanel({ section, ui, level, id, open = false }: SectionPanelProps) {
  const H = headingTag(level);
  return (
    <Toggle open={open}>
      {(expanded, toggle) => (
        <section class="sec" part="section">
          <H class="sec-h">
            <button
              type="button"
              class="disc"
              part="section-toggle"
              aria-expanded={expanded}
              aria-controls={id}
              onClick={toggle}
            >
              {section.heading || ui.t.overview}
            </button>
          </H>
          <div id={id} class="sec-b" hidden={!expanded}>
            <Blocks blocks={section.blocks} ui={ui} />
          </div>
        </section>
      )}
    </Toggle>
  );
}
