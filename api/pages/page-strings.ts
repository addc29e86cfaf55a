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

const es: PageStrings = {
  published: 'Publicado en Backstory el {date}',
  originalPublished: 'Artículo publicado el {date}',
  corrections: 'Correcciones',
  citedIn: 'Citado en {sections}',
  alsoIn: 'También en',
  embedThis: 'Insertar este explicador',
  embedHelp: 'Pegue este código donde deba aparecer el recuadro. Sigue el tema claro u oscuro de la página y solo se carga al acercarse.',
  notFoundTitle: 'Explicador no encontrado',
  notFoundText: 'No hay ningún explicador publicado en esta dirección. Puede haberse movido o retirado.',
  unavailable: 'Este explicador no está disponible.',
};

const de: PageStrings = {
  published: 'Auf Backstory veröffentlicht am {date}',
  originalPublished: 'Artikel erschienen am {date}',
  corrections: 'Korrekturen',
  citedIn: 'Zitiert in {sections}',
  alsoIn: 'Auch auf',
  embedThis: 'Dieses Erklärstück einbetten',
  embedHelp: 'Fügen Sie diesen Code dort ein, wo der Kasten erscheinen soll. Er folgt dem hellen oder dunklen Design der Seite und lädt erst, wenn er in Sichtweite kommt.',
  notFoundTitle: 'Erklärstück nicht gefunden',
  notFoundText: 'Unter dieser Adresse ist kein Erklärstück veröffentlicht. Es wurde vielleicht verschoben oder zurückgezogen.',
  unavailable: 'Dieses Erklärstück ist nicht verfügbar.',
};

/** Every language the box speaks (widgets/src/i18n.ts): a missing string does not compile. */
export const PAGE_STRINGS: Record<UiLang, PageStrings> = { en, ar, fa, ur, fr, es, de };

export function pageStrings(tag: string | null | undefined): PageStrings {
  return PAGE_STRINGS[uiLang(tag)];
}
