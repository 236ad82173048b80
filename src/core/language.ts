/** The languages the product speaks (configured in i18n/languages.ts). Every user-facing text exists in each. */
import { LANGUAGE_SETUP, type Direction } from "./i18n/languages";

export type Lang = keyof typeof LANGUAGE_SETUP;
export const LANGUAGES = Object.keys(LANGUAGE_SETUP) as readonly Lang[];
/** One text in every language, built from the translation resources (see i18n/texts.ts: `localized`). */
export type Localized = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && Object.hasOwn(LANGUAGE_SETUP, value);
}

/** Picks a language from a BCP 47 tag such as "fr-FR", "es-MX" or "en-US"; anything else gives English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const primary =
    typeof locale === "string"
      ? locale
          .trim()
          .toLowerCase()
          .split(/[-_.@]/)[0]
      : "";
  return isLang(primary) ? primary : "en";
}

/** Locale used for `Intl` formats in a language. */
export function localeOf(lang: Lang): string {
  return LANGUAGE_SETUP[lang].locale;
}

/** Writing direction of a language (for the pane's `dir` attribute). */
export function directionOf(lang: Lang): Direction {
  return LANGUAGE_SETUP[lang].dir;
}
