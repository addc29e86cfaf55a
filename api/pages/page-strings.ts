/**
 * Words of our own pages that the box does not already have (those come from widgets/src/i18n.ts).
 * Same languages and the same negotiation as the box.
 */
import { type UiLang, uiLang } from '../../widgets/src/i18n';

export interface PageStrings {
  /** {date}: when Backstory published the explainer */
  published: string;
  /** {date}: when the article it was made from was published */
  originalPublished: string;
  corrections: string;
  /** {sections} */
  citedIn: string;
  alsoIn: string;
  embedThis: string;
  embedHelp: string;
  notFoundTitle: string;
  notFoundText: string;
  unavailable: string;
}

const en: PageStrings = {
  published: 'Published on Backstory {date}',
  originalPublished: 'Article published {date}',
  corrections: 'Corrections',
  citedIn: 'Cited in {sections}',
  alsoIn: 'Also in',
  embedThis: 'Embed this explainer',
  embedHelp: 'Paste this where the box should appear. It follows the page’s light or dark theme and loads only when scrolled near.',
  notFoundTitle: 'Explainer not found',
  notFoundText: 'There is no published explainer at this address. It may have been moved or unpublished.',
  unavailable: 'This explainer is not available.',
};

const fr: PageStrings = {
  published: 'Publié sur Backstory le {date}',
  originalPublished: 'Article paru le {date}',
  corrections: 'Rectificatifs',
  citedIn: 'Cité dans {sections}',
  alsoIn: 'Aussi en',
  embedThis: 'Intégrer ce décryptage',
  embedHelp: 'Collez ce code là où l’encadré doit apparaître.',
  notFoundTitle: 'Décryptage introuvable',
  notFoundText: 'Aucun décryptage publié à cette adresse. Il a peut-être été déplacé ou dépublié.',
  unavailable: 'Ce décryptage n’est pas disponible.',
};

const ar: PageStrings = {
  published: 'نُشر على Backstory في {date}',
  originalPublished: 'نُشر المقال الأصلي في {date}',
  corrections: 'تصحيحات',
  citedIn: 'ورد في {sections}',
  alsoIn: 'متوفر أيضاً بـ',
  embedThis: 'تضمين هذا الشرح',
  embedHelp: 'الصق هذه الشيفرة حيث تريد أن يظهر الصندوق.',
  notFoundTitle: 'الشرح غير موجود',
  notFoundText: 'لا يوجد شرح منشور على هذا العنوان.',
  unavailable: 'هذا الشرح غير متاح.',
};

/** Our pages' words come in fewer languages than the box's: the others read them in English. */
const fa: PageStrings = {
  published: 'منتشرشده در Backstory در {date}',
  originalPublished: 'انتشار مقاله اصلی: {date}',
  corrections: 'اصلاحیه‌ها',
  citedIn: 'ذکرشده در {sections}',
  alsoIn: 'به زبان‌های دیگر',
  embedThis: 'جاسازی این توضیح',
  embedHelp: 'این کد را جایی بگذارید که کادر باید نمایش داده شود.',
  notFoundTitle: 'توضیح پیدا نشد',
  notFoundText: 'در این نشانی توضیح منتشرشده‌ای وجود ندارد.',
  unavailable: 'این توضیح در دسترس نیست.',
};

const ur: PageStrings = {
  published: 'Backstory پر شائع ہوا {date}',
  originalPublished: 'اصل مضمون شائع ہوا {date}',
  corrections: 'تصحیحات',
  citedIn: '{sections} میں حوالہ',
  alsoIn: 'دیگر زبانوں میں',
  embedThis: 'یہ وضاحتی مضمون شامل کریں',
  embedHelp: 'یہ کوڈ وہاں چسپاں کریں جہاں باکس دکھانا ہو۔',
  notFoundTitle: 'وضاحتی مضمون نہیں ملا',
  notFoundText: 'اس پتے پر کوئی شائع شدہ وضاحتی مضمون نہیں ہے۔',
  unavailable: 'یہ وضاحتی مضمون دستیاب نہیں۔',
};

const tables: Partial<Record<UiLang, PageStrings>> = { en, ar, fa, ur, fr };

export function pageStrings(tag: string | null | undefined): PageStrings {
  return tables[uiLang(tag, Object.keys(tables))] ?? en;
}
