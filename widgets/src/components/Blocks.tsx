import type { Ui } from '../i18n';
import type { Block } from '../types';
import { Quote } from './Quote';
import { RichText } from './RichText';

export interface BlocksProps {
  blocks: readonly Block[];
  ui: Ui;
}

export function Blocks({ blocks, ui }: BlocksProps) {
  return (
    <>
      {blocks.map((block, i) =>
        block.__typename === 'Paragraph' ? (
          <p key={i}>
            <RichText paragraph={block} ui={ui} />
          </p>
        ) : block.__typename === 'QuoteBlock' ? (
          <Quote key={i} block={block} ui={ui} />
        ) : null, // a block type newer than this bundle is skipped, not guessed at
      )}
    </>
  );
}
