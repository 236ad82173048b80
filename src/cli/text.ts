/** Every string the command line prints: the texts `cli:*` of the translation resources. */
import type cliTexts from "../core/i18n/en/cli.json";
import { text, type TextParams } from "../core/i18n/texts";
import { LANGUAGES, type Lang } from "../core/language";

/** A key of the CLI texts, without its plural suffix (`errors` for `errors_one`/`errors_other`). */
export type CliTextKey = keyof typeof cliTexts extends infer K
  ? K extends `${infer Base}_${"one" | "other"}`
    ? Base
    : K & string
  : never;

export function t(key: CliTextKey, lang: Lang, params: TextParams = {}): string {
  return text(lang, `cli:${key}`, { langs: LANGUAGES.join("|"), allowed: LANGUAGES.join(", "), ...params });
}
