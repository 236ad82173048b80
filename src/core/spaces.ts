/**
 * The spaces the product folds, the same in the core and in the native formulas (src/core/layout.ts):
 * ordinary space, tab, line feed, carriage return, no-break space and narrow no-break space. A
 * formula can fold exactly these (SUBSTITUTE then TRIM), so the core folds no more: a cell of other
 * Unicode spaces only (em space, ideographic space) is not blank, in the add-in as in Excel.
 */
export const SPACE_CHARS: readonly string[] = [" ", "\t", "\n", "\r", "\u00a0", "\u202f"];

const OTHER_SPACES = /[\t\n\r\u00a0\u202f]/g;
const RUNS = / {2,}/g;

/** Every folded space turned into " ", runs of spaces made one, spaces at both ends removed (Excel's TRIM after SUBSTITUTE). */
export function squeezeSpaces(text: string): string {
  return text.replace(OTHER_SPACES, " ").replace(RUNS, " ").replace(/^ | $/g, "");
}
