/** Number formatting in the interface language. */
import type { Lang } from "../core/language";

const LOCALE: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

export function formatScore(score: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(score);
}

export function formatPercent(ratio: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}
