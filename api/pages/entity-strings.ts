/**
 * Words of the entity page: its headings, the kinds of entity, and each relation predicate as a
 * sentence, "{subject} operates in {object}", so a language can put the two ends where it needs them.
 */
import { type UiLang, uiLang } from '../../widgets/src/i18n';

export interface EntityStrings {
  kinds: Record<string, string>;
  alsoKnownAs: string;
  facts: string;
  relations: string;
  /** {name} */
  explainersAbout: string;
  /** {name} */
  explainersMentioning: string;
  /** {sources} */
  source: string;
  /** {hedge}: the words with which the text hedges a claim, set in <q>, which quotes them as the language does */
  hedged: string;
  onWikidata: string;
  /** {subject} {object} */
  predicates: Record<string, string>;
  /** For a predicate this table does not know yet: {subject} {predicate} {object} */
  otherPredicate: string;
  notFoundTitle: string;
  notFoundText: string;
}

const en: EntityStrings = {
  kinds: { ORGANIZATION: 'Organisation', PERSON: 'Person', PLACE: 'Place', EVENT: 'Event', PUBLICATION: 'Publication', OTHER: 'Entity' },
  alsoKnownAs: 'Also known as',
  facts: 'Facts',
  relations: 'Relations',
  explainersAbout: 'Explainers about {name}',
  explainersMentioning: 'Explainers that mention {name}',
  source: 'Source: {sources}',
  hedged: 'in the text’s words, {hedge}',
  onWikidata: 'On Wikidata',
  predicates: {
    AFFILIATED_WITH: '{subject} is affiliated with {object}',
    AFFILIATE_OF: '{subject} is an affiliate of {object}',
    BASED_IN: '{subject} is based in {object}',
    CLAIMED_RESPONSIBILITY_FOR: '{subject} claimed responsibility for {object}',
    FOUNDED_BY_FORMER_MEMBERS_OF: '{subject} was founded by former members of {object}',
    INVOLVES: '{subject} involves {object}',
    LOCATED_IN: '{subject} is located in {object}',
    OPERATES_IN: '{subject} operates in {object}',
    PART_OF: '{subject} is part of {object}',
    PUBLISHED_BY: '{subject} is published by {object}',
    RECEIVED_SUPPORT_FROM: '{subject} received support from {object}',
    RIVAL_OF: '{subject} is a rival of {object}',
    SEEKS_TO_EXPAND_INTO: '{subject} seeks to expand into {object}',
  },
  otherPredicate: '{subject} {predicate} {object}',
  notFoundTitle: 'Entity not found',
  notFoundText: 'Nothing published goes by this address. It may have been renamed or unpublished.',
};

const fr: EntityStrings = {
  kinds: { ORGANIZATION: 'Organisation', PERSON: 'Personne', PLACE: 'Lieu', EVENT: 'Événement', PUBLICATION: 'Publication', OTHER: 'Entité' },
  alsoKnownAs: 'Aussi appelé',
  facts: 'Faits',
  relations: 'Relations',
  explainersAbout: 'Décryptages sur {name}',
  explainersMentioning: 'Décryptages qui mentionnent {name}',
  source: 'Source : {sources}',
  hedged: 'selon les mots du texte, {hedge}',
  onWikidata: 'Sur Wikidata',
  predicates: {
    AFFILIATED_WITH: '{subject} est lié à {object}',
    AFFILIATE_OF: '{subject} est affilié à {object}',
    BASED_IN: '{subject} est basé en {object}',
    CLAIMED_RESPONSIBILITY_FOR: '{subject} a revendiqué {object}',
    FOUNDED_BY_FORMER_MEMBERS_OF: '{subject} a été fondé par d’anciens membres de {object}',
    INVOLVES: '{subject} implique {object}',
    LOCATED_IN: '{subject} se trouve en {object}',
    OPERATES_IN: '{subject} opère en {object}',
    PART_OF: '{subject} fait partie de {object}',
    PUBLISHED_BY: '{subject} est publié par {object}',
    RECEIVED_SUPPORT_FROM: '{subject} a reçu le soutien de {object}',
    RIVAL_OF: '{subject} est rival de {object}',
    SEEKS_TO_EXPAND_INTO: '{subject} cherche à s’étendre en {object}',
  },
  otherPredicate: '{subject} {predicate} {object}',
  notFoundTitle: 'Entité introuvable',
  notFoundText: 'Rien de publié à cette adresse. Elle a peut-être été renommée ou dépubliée.',
};

const ar: EntityStrings = {
  kinds: { ORGANIZATION: 'منظمة', PERSON: 'شخص', PLACE: 'مكان', EVENT: 'حدث', PUBLICATION: 'منشور', OTHER: 'كيان' },
  alsoKnownAs: 'يُعرف أيضاً باسم',
  facts: 'حقائق',
  relations: 'علاقات',
  explainersAbout: 'شروح عن {name}',
  explainersMentioning: 'شروح تذكر {name}',
  source: 'المصدر: {sources}',
  hedged: 'بعبارة النص: {hedge}',
  onWikidata: 'على ويكي بيانات',
  predicates: {
    AFFILIATED_WITH: '{subject} مرتبط بـ{object}',
    AFFILIATE_OF: '{subject} فرع تابع لـ{object}',
    BASED_IN: '{subject} مقره في {object}',
    CLAIMED_RESPONSIBILITY_FOR: '{subject} تبنّى {object}',
    FOUNDED_BY_FORMER_MEMBERS_OF: '{subject} أسسه أعضاء سابقون في {object}',
    INVOLVES: '{subject} يشمل {object}',
    LOCATED_IN: '{subject} يقع في {object}',
    OPERATES_IN: '{subject} ينشط في {object}',
    PART_OF: '{subject} جزء من {object}',
    PUBLISHED_BY: '{subject} تنشره {object}',
    RECEIVED_SUPPORT_FROM: '{subject} تلقى دعماً من {object}',
    RIVAL_OF: '{subject} منافس لـ{object}',
    SEEKS_TO_EXPAND_INTO: '{subject} يسعى إلى التوسع في {object}',
  },
  otherPredicate: '{subject} {predicate} {object}',
  notFoundTitle: 'الكيان غير موجود',
  notFoundText: 'لا يوجد شيء منشور على هذا العنوان.',
};

const fa: EntityStrings = {
  kinds: { ORGANIZATION: 'سازمان', PERSON: 'شخص', PLACE: 'مکان', EVENT: 'رویداد', PUBLICATION: 'نشریه', OTHER: 'موجودیت' },
  alsoKnownAs: 'با نام‌های دیگر',
  facts: 'واقعیت‌ها',
  relations: 'روابط',
  explainersAbout: 'توضیح‌هایی درباره {name}',
  explainersMentioning: 'توضیح‌هایی که از {name} نام می‌برند',
  source: 'منبع: {sources}',
  hedged: 'به تعبیر متن، {hedge}',
  onWikidata: 'در ویکی‌داده',
  predicates: {
    AFFILIATED_WITH: '{subject} با {object} پیوند دارد',
    AFFILIATE_OF: '{subject} شاخه‌ای از {object} است',
    BASED_IN: 'مقر {subject} در {object} است',
    CLAIMED_RESPONSIBILITY_FOR: '{subject} مسئولیت {object} را بر عهده گرفت',
    FOUNDED_BY_FORMER_MEMBERS_OF: '{subject} را اعضای سابق {object} بنیان گذاشتند',
    INVOLVES: '{subject} به {object} مربوط است',
    LOCATED_IN: '{subject} در {object} قرار دارد',
    OPERATES_IN: '{subject} در {object} فعالیت می‌کند',
    PART_OF: '{subject} بخشی از {object} است',
    PUBLISHED_BY: '{subject} را {object} منتشر می‌کند',
    RECEIVED_SUPPORT_FROM: '{subject} از {object} حمایت گرفت',
    RIVAL_OF: '{subject} رقیب {object} است',
    SEEKS_TO_EXPAND_INTO: '{subject} در پی گسترش به {object} است',
  },
  otherPredicate: '{subject} {predicate} {object}',
  notFoundTitle: 'موجودیت پیدا نشد',
  notFoundText: 'در این نشانی چیز منتشرشده‌ای وجود ندارد.',
};

const ur: EntityStrings = {
  kinds: { ORGANIZATION: 'تنظیم', PERSON: 'شخص', PLACE: 'مقام', EVENT: 'واقعہ', PUBLICATION: 'اشاعت', OTHER: 'اکائی' },
  alsoKnownAs: 'دوسرے نام',
  facts: 'حقائق',
  relations: 'تعلقات',
  explainersAbout: '{name} کے بارے میں وضاحتی مضامین',
  explainersMentioning: 'وضاحتی مضامین جن میں {name} کا ذکر ہے',
  source: 'ماخذ: {sources}',
  hedged: 'متن کے الفاظ میں، {hedge}',
  onWikidata: 'ویکی ڈیٹا پر',
  predicates: {
    AFFILIATED_WITH: '{subject} کا {object} سے تعلق ہے',
    AFFILIATE_OF: '{subject} {object} کی ذیلی شاخ ہے',
    BASED_IN: '{subject} کا مرکز {object} میں ہے',
    CLAIMED_RESPONSIBILITY_FOR: '{subject} نے {object} کی ذمہ داری قبول کی',
    FOUNDED_BY_FORMER_MEMBERS_OF: '{subject} کی بنیاد {object} کے سابق ارکان نے رکھی',
    INVOLVES: '{subject} میں {object} شامل ہے',
    LOCATED_IN: '{subject} {object} میں واقع ہے',
    OPERATES_IN: '{subject} {object} میں سرگرم ہے',
    PART_OF: '{subject} {object} کا حصہ ہے',
    PUBLISHED_BY: '{subject} کو {object} شائع کرتا ہے',
    RECEIVED_SUPPORT_FROM: '{subject} کو {object} سے حمایت ملی',
    RIVAL_OF: '{subject} {object} کا حریف ہے',
    SEEKS_TO_EXPAND_INTO: '{subject} {object} میں پھیلنا چاہتا ہے',
  },
  otherPredicate: '{subject} {predicate} {object}',
  notFoundTitle: 'اکائی نہیں ملی',
  notFoundText: 'اس پتے پر کوئی شائع شدہ چیز نہیں ہے۔',
};

const es: EntityStrings = {
  kinds: { ORGANIZATION: 'Organización', PERSON: 'Persona', PLACE: 'Lugar', EVENT: 'Acontecimiento', PUBLICATION: 'Publicación', OTHER: 'Entidad' },
  alsoKnownAs: 'También conocido como',
  facts: 'Datos',
  relations: 'Relaciones',
  explainersAbout: 'Explicadores sobre {name}',
  explainersMentioning: 'Explicadores que mencionan {name}',
  source: 'Fuente: {sources}',
  hedged: 'en palabras del texto, {hedge}',
  onWikidata: 'En Wikidata',
  predicates: {
    AFFILIATED_WITH: '{subject} está vinculado a {object}',
    AFFILIATE_OF: '{subject} es una filial de {object}',
    BASED_IN: '{subject} tiene su base en {object}',
    CLAIMED_RESPONSIBILITY_FOR: '{subject} reivindicó {object}',
    FOUNDED_BY_FORMER_MEMBERS_OF: '{subject} fue fundado por antiguos miembros de {object}',
    INVOLVES: '{subject} implica a {object}',
    LOCATED_IN: '{subject} está en {object}',
    OPERATES_IN: '{subject} opera en {object}',
    PART_OF: '{subject} forma parte de {object}',
    PUBLISHED_BY: '{subject} lo publica {object}',
    RECEIVED_SUPPORT_FROM: '{subject} recibió apoyo de {object}',
    RIVAL_OF: '{subject} es rival de {object}',
    SEEKS_TO_EXPAND_INTO: '{subject} busca expandirse a {object}',
  },
  otherPredicate: '{subject} {predicate} {object}',
  notFoundTitle: 'Entidad no encontrada',
  notFoundText: 'No hay nada publicado en esta dirección. Puede haber cambiado de nombre o haberse retirado.',
};

const de: EntityStrings = {
  kinds: { ORGANIZATION: 'Organisation', PERSON: 'Person', PLACE: 'Ort', EVENT: 'Ereignis', PUBLICATION: 'Publikation', OTHER: 'Eintrag' },
  alsoKnownAs: 'Auch bekannt als',
  facts: 'Fakten',
  relations: 'Beziehungen',
  explainersAbout: 'Erklärstücke über {name}',
  explainersMentioning: 'Erklärstücke, die {name} erwähnen',
  source: 'Quelle: {sources}',
  hedged: 'in den Worten des Textes: {hedge}',
  onWikidata: 'Auf Wikidata',
  predicates: {
    AFFILIATED_WITH: '{subject} ist mit {object} verbunden',
    AFFILIATE_OF: '{subject} ist ein Ableger von {object}',
    BASED_IN: '{subject} hat seinen Sitz in {object}',
    CLAIMED_RESPONSIBILITY_FOR: '{subject} bekannte sich zu {object}',
    FOUNDED_BY_FORMER_MEMBERS_OF: '{subject} wurde von ehemaligen Mitgliedern von {object} gegründet',
    INVOLVES: '{subject} betrifft {object}',
    LOCATED_IN: '{subject} liegt in {object}',
    OPERATES_IN: '{subject} ist in {object} aktiv',
    PART_OF: '{subject} ist Teil von {object}',
    PUBLISHED_BY: '{subject} wird von {object} herausgegeben',
    RECEIVED_SUPPORT_FROM: '{subject} erhielt Unterstützung von {object}',
    RIVAL_OF: '{subject} ist ein Rivale von {object}',
    SEEKS_TO_EXPAND_INTO: '{subject} will sich nach {object} ausbreiten',
  },
  otherPredicate: '{subject} {predicate} {object}',
  notFoundTitle: 'Eintrag nicht gefunden',
  notFoundText: 'Unter dieser Adresse ist nichts veröffentlicht. Der Eintrag wurde vielleicht umbenannt oder zurückgezogen.',
};

/** Every language the box speaks (widgets/src/i18n.ts): a missing string does not compile. */
export const ENTITY_STRINGS: Record<UiLang, EntityStrings> = { en, ar, fa, ur, fr, es, de };

export function entityStrings(tag: string | null | undefined): EntityStrings {
  return ENTITY_STRINGS[uiLang(tag)];
}
