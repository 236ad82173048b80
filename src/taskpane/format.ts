/** Number formatting in the interface language. */
import { localeOf, type Lang } from "../core/language";

export function formatScore(score: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(score);
}

export function formatPercent(ratio: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}
