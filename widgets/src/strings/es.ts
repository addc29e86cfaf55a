import type { UiStrings } from '../i18n';

export const es: UiStrings = {
  dir: 'ltr',
  showMore: 'Mostrar más',
  showLess: 'Mostrar menos',
  readExplainer: 'Leer el explicador',
  fullExplainer: 'Leer el explicador completo',
  overview: 'Resumen',
  keyFacts: 'Datos clave',
  sources: 'Fuentes',
  correction: 'Corrección',
  updated: 'Actualizado el {date}',
  updatedNow: 'Actualizado hace un momento',
  according: '(según {source})',
  quotedVia: '{speakers}, vía {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'Fundación',
    ALSO_KNOWN_AS: 'También conocido como',
    ACTIVE_IN: 'Activo en',
    AFFILIATE_OF: 'Filial de',
    CLAIMED_RESPONSIBILITY_FOR: 'Reivindicó',
    CLAIMED_BY: 'Reivindicado por',
  },
};
