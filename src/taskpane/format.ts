/** Number formatting in the interface language: scores follow the one display rule of src/core/scoreDisplay.ts. */
import { localeOf, type Lang } from "../core/language";
export { formatScore } from "../core/scoreDisplay";

export function formatPercent(ratio: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}
