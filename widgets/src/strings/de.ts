import type { UiStrings } from '../i18n';

export const de: UiStrings = {
  dir: 'ltr',
  showMore: 'Mehr anzeigen',
  showLess: 'Weniger anzeigen',
  readExplainer: 'Zum Erklärstück',
  fullExplainer: 'Das ganze Erklärstück lesen',
  overview: 'Überblick',
  keyFacts: 'Wichtige Fakten',
  sources: 'Quellen',
  correction: 'Korrektur',
  updated: 'Aktualisiert am {date}',
  updatedNow: 'Gerade aktualisiert',
  according: '(laut {source})',
  quotedVia: '{speakers}, über {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'Gegründet',
    ALSO_KNOWN_AS: 'Auch bekannt als',
    ACTIVE_IN: 'Aktiv in',
    AFFILIATE_OF: 'Ableger von',
    CLAIMED_RESPONSIBILITY_FOR: 'Bekannte sich zu',
    CLAIMED_BY: 'Reklamiert von',
  },
};
