/** Queues the hidden lists sheet and its named ranges (no sync here). */
import type { Lang } from "../core/language";
import { columnLetter } from "../core/a1";
import { listsSheetLayout } from "../core/layout";

/** Columns of the lists sheet that hold numbers (points, rating minimums, setting values); the rest is text. */
function isNumberColumn(header: unknown): boolean {
  return header === "Points" || header === "Min" || header === "Value";
}

/** Writes the lists block from A1 on `ws` (cleared first when it existed). */
export function queueListsSheet(ws: Excel.Worksheet, lang: Lang, existed: boolean): void {
  const layout = listsSheetLayout(lang);
  if (existed) ws.getRange().clear("Contents" as Excel.ClearApplyTo);
  const rows = layout.values.length;
  const cols = layout.values[0]!.length;
  const range = ws.getRange(`A1:${columnLetter(cols - 1)}${rows}`);
  // Text columns as text: the lookup keys "0".."4" must stay text for MATCH to find a status typed as text.
  range.numberFormat = layout.values.map(() => layout.values[0]!.map((h) => (isNumberColumn(h) ? "General" : "@")));
  range.values = layout.values;
}

function sameRef(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^=/, "").replace(/[$']/g, "").toLowerCase();
  return norm(a) === norm(b);
}

/** Adds the named ranges the validation and cover formulas use; replaces ones that point elsewhere. */
export function queueListNames(
  names: Excel.NamedItemCollection,
  lang: Lang,
  existing: readonly { name: string; formula: string }[],
): void {
  for (const n of listsSheetLayout(lang).names) {
    const old = existing.find((e) => e.name.toLowerCase() === n.name.toLowerCase());
    if (old && sameRef(old.formula, n.ref)) continue;
    if (old) names.getItem(old.name).delete();
    names.add(n.name, n.ref);
  }
}
