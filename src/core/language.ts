/** The languages the product speaks. Every user-facing string exists in each. */
export const LANGUAGES = ["fr", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Localized = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return value === "fr" || value === "en";
}

/** Picks a language from a BCP 47 tag such as "fr-FR" or "en-US"; anything else gives English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return typeof locale === "string" && locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}
