/**
 * The text a wrapped element sends for mentions: its text nodes joined by newlines (so that no two
 * blocks run into one word), leaving out headings, links, code, form controls, what is hidden, what is
 * already a mention, and what the publisher's exclude selector names; at most MAX_TEXT_BYTES of UTF-8.
 */
export const MAX_TEXT_BYTES = 20 * 1024;

const SKIP =
  'h1,h2,h3,h4,h5,h6,a,code,pre,kbd,script,style,noscript,textarea,select,button,svg,[hidden],[aria-hidden=true],backstory-box,backstory-mention';

export interface Collected {
  text: string;
  nodes: Text[];
  /** Where each node's data starts in text. */
  starts: number[];
}

export function collect(root: Element, exclude: string | undefined): Collected {
  let skip = exclude ? `${SKIP},${exclude}` : SKIP;
  try {
    root.matches(skip);
  } catch {
    skip = SKIP; // the publisher's selector does not parse: leave nothing more out
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === 1
        ? (node as Element).matches(skip)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
        : /\S/.test((node as Text).data)
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_SKIP,
  });
  const encoder = new TextEncoder();
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let bytes = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    bytes += encoder.encode(node.data).length + 1;
    if (bytes > MAX_TEXT_BYTES + 1) break;
    nodes.push(node);
    starts.push(length);
    parts.push(node.data);
    length += node.data.length + 1;
  }
  return { text: parts.join('\n'), nodes, starts };
}
