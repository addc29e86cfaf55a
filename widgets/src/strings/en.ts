import type { UiStrings } from '../i18n';

/** English: built into backstory.js, the words every box can fall back on. */
export const en: UiStrings = {
  dir: 'ltr',
  showMore: 'Show more',
  showLess: 'Show less',
  readExplainer: 'Read the explainer',
  fullExplainer: 'Read the full explainer',
  overview: 'Overview',
  keyFacts: 'Key facts',
  sources: 'Sources',
  correction: 'Correction',
  updated: 'Updated {date}',
  updatedNow: 'Updated just now',
  according: '(according to {source})',
  quotedVia: '{speakers}, via {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'Founded',
    ALSO_KNOWN_AS: 'Also known as',
    ACTIVE_IN: 'Active in',
    AFFILIATE_OF: 'Affiliate of',
    CLAIMED_RESPONSIBILITY_FOR: 'Claimed responsibility for',
    CLAIMED_BY: 'Claimed by',
  },
};
