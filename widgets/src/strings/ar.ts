import type { UiStrings } from '../i18n';

export const ar: UiStrings = {
  dir: 'rtl',
  showMore: 'عرض المزيد',
  showLess: 'عرض أقل',
  readExplainer: 'اقرأ الشرح',
  fullExplainer: 'اقرأ الشرح كاملاً',
  overview: 'نظرة عامة',
  keyFacts: 'حقائق أساسية',
  sources: 'المصادر',
  correction: 'تصحيح',
  updated: 'آخر تحديث {date}',
  updatedNow: 'تم التحديث للتو',
  according: '(بحسب {source})',
  quotedVia: '{speakers}، عبر {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'تاريخ التأسيس',
    ALSO_KNOWN_AS: 'يُعرف أيضاً باسم',
    ACTIVE_IN: 'ينشط في',
    AFFILIATE_OF: 'فرع تابع لـ',
    CLAIMED_RESPONSIBILITY_FOR: 'تبنّى',
    CLAIMED_BY: 'الجهة المتبنّية',
  },
};
