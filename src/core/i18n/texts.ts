/**
 * The one text system: every text a person reads comes from the translation resources in this
 * folder (one folder per language) through i18next, with its plural rules and `Intl` formats
 * (`{{value, number}}`, `{{date, datetime}}`). Core, workbook, command line and custom functions
 * call `text`; the task pane makes its own i18next instance from `i18nOptions` (it switches
 * language on its own).
 */
import { createInstance, type InitOptions, type Resource, type TOptions } from "i18next";
import { LANGUAGES, type Lang, type Localized } from "../language";
import { LANGUAGE_SETUP } from "./languages";

/** The namespaces: one JSON file each per language. */
export const NAMESPACES: readonly string[] = [
  ...new Set(LANGUAGES.flatMap((lang) => Object.keys(LANGUAGE_SETUP[lang].texts))),
];

/** A text key: "namespace:path.to.key" (plural forms are chosen by the `count` parameter). */
export type TextKey = `${string}:${string}`;

export type TextParams = TOptions & Record<string, unknown>;

export const RESOURCES: Resource = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, LANGUAGE_SETUP[lang].texts as Resource[string]]),
);

/** Options shared by every i18next instance of the product. */
export function i18nOptions(lang: Lang, defaultNS: string): InitOptions {
  return {
    resources: RESOURCES,
    lng: lang,
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS,
    initAsync: false,
    // Texts go into cells, terminals and React (which escapes): never HTML-escaped here.
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}

const core = createInstance();
void core.init(i18nOptions("en", "messages"));

/** One text in one language; parameters fill its {{placeholders}}, `count` picks the plural form. */
export function text(lang: Lang, key: TextKey, params: TextParams = {}): string {
  return core.t(key, { ...params, lng: lang }) as string;
}

/** One text in every language. */
export function localized(key: TextKey, params: TextParams = {}): Localized {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, text(lang, key, params)])) as Localized;
}

/** True when the key exists in English, the reference language. */
export function hasText(key: TextKey): boolean {
  return core.exists(key, { lng: "en" });
}

/** A list of texts (a JSON array in the resources), e.g. the other spellings a reader accepts; [] when absent. */
export function textList(lang: Lang, key: TextKey): string[] {
  const value: unknown = core.t(key, { lng: lang, returnObjects: true, fallbackLng: false });
  return Array.isArray(value) ? value.map(String) : [];
}

/** Every language's text and list entries for a key, e.g. to recognise a label written in any language. */
export function allSpellings(key: TextKey, listKey?: TextKey): string[] {
  const out = LANGUAGES.map((lang) => text(lang, key));
  if (listKey) for (const lang of LANGUAGES) out.push(...textList(lang, listKey));
  return out;
}

/** A whole branch of texts (an object), placeholders and references filled in; null when the language lacks it. */
export function textTree(lang: Lang, key: TextKey, params: TextParams = {}): Record<string, unknown> | null {
  const value: unknown = core.t(key, { ...params, lng: lang, returnObjects: true, fallbackLng: false });
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
