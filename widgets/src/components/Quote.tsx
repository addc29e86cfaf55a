import { fill, joinList, type Ui } from '../i18n';
import type { QuoteBlock } from '../types';
import { RichText } from './RichText';

export interface QuoteProps {
  block: QuoteBlock;
  ui: Ui;
}

export function Quote({ block, ui }: QuoteProps) {
  const speakers = block.quote.speakers ?? [];
  const source = block.quote.source;
  const names = joinList(
    speakers.map((speaker) => (
      <bdi key={speaker.slug} title={speaker.description || undefined}>
        {speaker.name}
      </bdi>
    )),
    ui,
  );
  const from = source && <bdi>{source.name}</bdi>;
  return (
    <figure class="qt">
      <blockquote>
        {block.paragraphs.map((paragraph, i) => (
          <p key={i}>
            <RichText paragraph={paragraph} ui={ui} />
          </p>
        ))}
      </blockquote>
      {(names.length > 0 || from) && (
        <figcaption>
          {names.length ? fill(from ? ui.t.quotedVia : ui.t.quoted, { speakers: <>{names}</>, source: from }) : from}
        </figcaption>
      )}
    </figure>
  );
}
