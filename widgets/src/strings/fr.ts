import type { UiStrings } from '../i18n';

export const fr: UiStrings = {
  dir: 'ltr',
  showMore: 'Afficher plus',
  showLess: 'Afficher moins',
  readExplainer: 'Lire le décryptage',
  fullExplainer: 'Lire le décryptage complet',
  overview: 'Vue d’ensemble',
  keyFacts: 'Points clés',
  sources: 'Sources',
  correction: 'Rectificatif',
  updated: 'Mis à jour le {date}',
  updatedNow: 'Mis à jour à l’instant',
  according: '(selon {source})',
  quotedVia: '{speakers}, via {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'Fondation',
    ALSO_KNOWN_AS: 'Aussi appelé',
    ACTIVE_IN: 'Actif en',
    AFFILIATE_OF: 'Affilié à',
    CLAIMED_RESPONSIBILITY_FOR: 'A revendiqué',
    CLAIMED_BY: 'Revendiqué par',
  },
};
