import type { Ui } from '../i18n';
import type { Source } from '../types';
import { headingTag } from './heading';
import { httpUrl } from './links';

export interface SourcesProps {
  sources: readonly Source[];
  ui: Ui;
  level: number;
}

export function Sources({ sources, ui, level }: SourcesProps) {
  if (!sources.length) return null;
  const H = headingTag(level);
  return (
    <div class="src" part="sources">
      <H class="sub">{ui.t.sources}</H>
      <ul>
        {sources.map((source) => {
          const publisher = source.publisher?.name;
          return (
            <li key={source.slug}>
              <bdi>
                {httpUrl(source.url) ? (
                  <a href={httpUrl(source.url)} target="_blank" rel="noopener">
                    {source.name}
                  </a>
                ) : (
                  source.name
                )}
              </bdi>
              {publisher && publisher !== source.name && (
                <span class="pub">
                  {' · '}
                  <bdi>{publisher}</bdi>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
