import { RESERVE } from './styles';

/**
 * backstory.css, linked by every snippet: the host page's rules for our elements before backstory.js has
 * run. Once the element is defined its sealed :host rules win over these (important beats normal), with
 * the same values. An iframe embed is never wider than its column. Apart from styles.ts so that
 * backstory.js does not carry it.
 */
export const PAGE_CSS = `backstory-box{display:block;font-size:medium;min-block-size:${RESERVE}}
backstory-box[hidden]{display:none}
iframe[data-backstory]{max-inline-size:100%}
`;
