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

/** Our pages' words come in fewer languages than the box's: the others read them in English. */
const tables: Partial<Record<UiLang, EntityStrings>> = { en, ar, fr };

export function entityStrings(tag: string | null | undefined): EntityStrings {
  return tables[uiLang(tag, Object.keys(tables))] ?? en;
}
