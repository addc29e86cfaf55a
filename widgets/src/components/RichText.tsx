import { Fragment, type ComponentChildren } from 'preact';
import { fill, type Ui } from '../i18n';
import { segment } from '../segments';
import type { EntityRef, Paragraph, SourceRef } from '../types';

export interface CitationNoteProps {
  source: SourceRef;
  ui: Ui;
}

/** "(according to The Conversation)"; the name is isolated so a Latin name keeps its order in Arabic text. */
export function CitationNote({ source, ui }: CitationNoteProps) {
  return (
    <small class="ct">
      {' '}
      {fill(ui.t.according, { source: <bdi>{source.name}</bdi> })}
    </small>
  );
}

function wrap(children: ComponentChildren, mentions: EntityRef[]): ComponentChildren {
  // Mentions stay plain text: the description is there on hover without pulling the reader's eye.
  return mentions.reduceRight<ComponentChildren>(
    (inner, entity) => <span title={entity.description || entity.name}>{inner}</span>,
    children,
  );
}

export interface RichTextProps {
  paragraph: Paragraph;
  ui: Ui;
}

export function RichText({ paragraph, ui }: RichTextProps) {
  return (
    <>
      {segment(paragraph.text, paragraph.marks).map((piece, i) =>
        'cite' in piece ? (
          <CitationNote key={i} source={piece.cite} ui={ui} />
        ) : piece.mentions.length ? (
          <Fragment key={i}>{wrap(piece.text, piece.mentions)}</Fragment>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
