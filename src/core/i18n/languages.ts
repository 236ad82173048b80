/**
 * The languages the product speaks: one line each. A language is its folder of texts (one JSON file
 * per namespace, gathered by <lang>/<lang>.ts) plus this line: the BCP 47 locale used for `Intl`
 * number and date formats and plural rules, and the writing direction.
 */
import { en } from "./en/en";
import { es } from "./es/es";
import { fr } from "./fr/fr";

export type Direction = "ltr" | "rtl";

export interface LanguageSetup {
  /** Every text of the language, by namespace. */
  texts: Record<string, unknown>;
  /** Locale for Intl formats (numbers, dates, plurals). */
  locale: string;
  dir: Direction;
}

export const LANGUAGE_SETUP = {
  fr: { texts: fr, locale: "fr-FR", dir: "ltr" },
  en: { texts: en, locale: "en-GB", dir: "ltr" },
  es: { texts: es, locale: "es-ES", dir: "ltr" },
} as const satisfies Record<string, LanguageSetup>;
