/**
 * The one display rule for scores (0-100): one decimal, everywhere (task pane, chart, cover sheet, command line).
 * The cover's native number format is SCORE_NUMBER_FORMAT, which Excel and LibreOffice show with the reader's
 * decimal separator; formatScore gives the same digits in the interface language (62.5 / 62,5).
 */
import { localeOf, type Lang } from "./language";

export const SCORE_DECIMALS = 1;
/** Native number format of a score cell: "0.0" shows 62.5 (62,5 in French Excel), like formatScore. */
export const SCORE_NUMBER_FORMAT = "0.0";
/** Native number format of a change in score: its sign, one decimal ("+12.5", "-3.0", "0.0"). */
export const CHANGE_NUMBER_FORMAT = "+0.0;-0.0;0.0";

const formats = new Map<Lang, Intl.NumberFormat>();

function numberFormat(lang: Lang): Intl.NumberFormat {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), {
      minimumFractionDigits: SCORE_DECIMALS,
      maximumFractionDigits: SCORE_DECIMALS,
      useGrouping: false,
    });
    formats.set(lang, format);
  }
  return format;
}

/** A score as shown to people: "62.5" (English), "62,5" (French); rounding half away from zero, like Excel's "0.0". */
export function formatScore(score: number, lang: Lang): string {
  return numberFormat(lang).format(roundScore(score));
}

/** The score rounded as displayed (62.45 → 62.5), for a chart's bar length and labels. */
export function roundScore(score: number): number {
  const factor = 10 ** SCORE_DECIMALS;
  // the epsilon keeps 62.45 (stored as 62.4499...) rounding up as Excel's display does
  return (Math.sign(score) * Math.round(Math.abs(score) * factor + 1e-9)) / factor;
}
