import { factLabel, type Ui } from '../i18n';
import type { KeyFact } from '../types';
import { headingTag } from './heading';
import { httpUrl } from './links';
import { CitationNote } from './RichText';

export interface KeyFactsProps {
  facts: readonly KeyFact[];
  ui: Ui;
  /** Level of the "Key facts" heading. */
  level: number;
}

export function KeyFacts({ facts, ui, level }: KeyFactsProps) {
  if (!facts.length) return null;
  const H = headingTag(level);
  return (
    <div class="kf">
      <H class="sub">{ui.t.keyFacts}</H>
      <dl>
        {facts.map((fact, i) => (
          <div key={i}>
            <dt>
              <bdi>{factLabel(fact.kind, fact.label, ui)}</bdi>
            </dt>
            <dd>
              <bdi>{httpUrl(fact.url) ? <a href={httpUrl(fact.url)} target="_blank" rel="noopener">
                    {fact.value}
                  </a> : fact.value}</bdi>
              {(fact.sources ?? []).map((source) => (
                <CitationNote key={source.slug} source={source} ui={ui} />
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
