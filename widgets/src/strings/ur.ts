import type { UiStrings } from '../i18n';

export const ur: UiStrings = {
  dir: 'rtl',
  showMore: 'مزید دکھائیں',
  showLess: 'کم دکھائیں',
  readExplainer: 'وضاحتی مضمون پڑھیں',
  fullExplainer: 'مکمل وضاحتی مضمون پڑھیں',
  overview: 'جائزہ',
  keyFacts: 'اہم حقائق',
  sources: 'ذرائع',
  correction: 'تصحیح',
  updated: 'تازہ کاری {date}',
  updatedNow: 'ابھی تازہ کاری ہوئی',
  according: '({source} کے مطابق)',
  quotedVia: '{speakers}، بذریعہ {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'قیام',
    ALSO_KNOWN_AS: 'دیگر نام',
    ACTIVE_IN: 'سرگرم',
    AFFILIATE_OF: 'سے وابستہ',
    CLAIMED_RESPONSIBILITY_FOR: 'ذمہ داری قبول کی',
    CLAIMED_BY: 'ذمہ داری قبول کرنے والا',
  },
};
