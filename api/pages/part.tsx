import type { ComponentChildren } from 'preact';

/** A part of one of our article pages: a section labelled by its own heading. */
export function part(id: string, heading: ComponentChildren, body: ComponentChildren) {
  return (
    <section class="part" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      {body}
    </section>
  );
}
