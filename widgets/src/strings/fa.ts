import type { UiStrings } from '../i18n';

export const fa: UiStrings = {
  dir: 'rtl',
  showMore: 'نمایش بیشتر',
  showLess: 'نمایش کمتر',
  readExplainer: 'توضیح را بخوانید',
  fullExplainer: 'متن کامل توضیح را بخوانید',
  overview: 'نمای کلی',
  keyFacts: 'نکات کلیدی',
  sources: 'منابع',
  correction: 'اصلاحیه',
  updated: 'به‌روزرسانی {date}',
  updatedNow: 'همین حالا به‌روز شد',
  according: '(به نقل از {source})',
  quotedVia: '{speakers}، به نقل از {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'تأسیس',
    ALSO_KNOWN_AS: 'نام‌های دیگر',
    ACTIVE_IN: 'فعال در',
    AFFILIATE_OF: 'وابسته به',
    CLAIMED_RESPONSIBILITY_FOR: 'مسئولیت را پذیرفت',
    CLAIMED_BY: 'مسئولیت آن را پذیرفت',
  },
};
