/**
 * Which number formats show a date or a time (ECMA-376 Part 1, 18.8.30 numFmt): a numeric cell
 * in such a format holds a date serial, which a 1904 workbook counts from 1904-01-01.
 */

/** Built-in formats that are dates or times (14-22 everywhere; 27-36, 50-58 and 71-81 in East Asian and Thai locales; 45-47 times). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

/** True when a format (built-in id, or its code) shows a date or a time. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATES.has(id);
  // Quoted text, escaped and padding characters, and [colour]/[condition]/[$-locale] sections say nothing.
  const bare = code
    .split(";")[0]!
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}
