/**
 * Every language's words for the box, for whoever renders it on the server (our pages, the embed page)
 * and for widgets/build.ts, which writes each as /widgets/v1/strings/<lang>.json. backstory.js carries
 * only English and fetches the others (widgets/src/strings-loader.ts).
 */
import type { UiLang, UiStrings } from '../i18n';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fa } from './fa';
import { fr } from './fr';
import { ur } from './ur';

export const STRINGS: Record<UiLang, UiStrings> = { en, ar, fa, ur, fr, es, de };
