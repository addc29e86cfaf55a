import type { Theme } from './ContextBox';

export interface SkeletonProps {
  theme?: Theme;
}

/**
 * Stands in while the box loads. It reuses the collapsed compact box's fixed-size frame (`clamp`,
 * `foot`), so swapping it for the loaded box moves nothing on the host page.
 */
export function Skeleton({ theme = 'light' }: SkeletonProps) {
  return (
    <div class={`bs ${theme} compact skel`} part="root" aria-hidden="true">
      <div class="head clamp">
        <span class="bar bq" />
        <span class="bar" />
        <span class="bar" />
        <span class="bar bs3" />
      </div>
      <div class="foot">
        <span class="bar bb" />
      </div>
    </div>
  );
}
