/**
 * The entry rules written as native formulas, so that the workbook checks itself in any Excel and in
 * LibreOffice, without the add-in: the Points formula (the status read as the core reads it), the
 * Check column (what is wrong with the row, in words, blank when it is valid) and the highlight rule
 * of each entry column (true when the Check column names that column).
 *
 * The core stays the reference: `checkColumnText` gives, from `validateEntry`, exactly what the Check
 * column shows, and a property-based test evaluates these formulas against it cell by cell.
 *
 * Portability: only functions of Excel 2013 and LibreOffice (IF, ISERROR, ISLOGICAL, ISNUMBER, ISTEXT,
 * TRIM, SUBSTITUTE, CHAR, UNICHAR, FIND, LEFT, LEN, INT, INDEX, MATCH, IFERROR, OR). MATCH treats
 * `*`, `?` and `~` as wildcards, and engines disagree on escaping them, so a text holding one is never
 * looked up (no status or currency holds one: a test checks it). FIND has no wildcards and is used
 * for the highlight. Booleans are tested before any text function, since LibreOffice stores TRUE as 1.
 *
 * Rules only the add-in checks (and why): the target-group list (splitting a list and folding each
 * item needs TEXTSPLIT or LET, which Excel 2019 and LibreOffice before 24.8 lack); objective codes
 * (unknown or seen on another sheet: catalogue and whole-workbook knowledge); deleted columns.
 */
import type { EntryField, RawEntry } from "./entrySchema";
import { ENTRY_FIELDS, MAX_RESPONSIBLE, validateEntry } from "./entrySchema";
import { MAX_DATE_SERIAL } from "./dates";
import type { Lang, Localized } from "./language";
import type { MessageKey } from "./messages";
import { SPACE_CHARS } from "./spaces";
import { localized } from "./i18n/texts";
import { STATUS_SCALE, statusLabels } from "./status";

/** The keys of what the Check column says (texts `workbook:check.*`: no value quoted, a formula cannot quote as the core does). */
const CHECK_KEYS = [
  "excelError",
  "statusInvalid",
  "statusRequired",
  "textExpected",
  "textTooLong",
  "responsibleRequired",
  "evidenceRequired",
  "evidenceLink",
  "dateInvalid",
  "endBeforeStart",
  "numberExpected",
  "numberNegative",
  "wholeNumberExpected",
  "currencyInvalid",
  "currencyRequired",
] as const;

/** What the Check column says for each issue the formulas detect, in every language. */
export const CHECK_TEXTS = Object.fromEntries(CHECK_KEYS.map((k) => [k, localized(`workbook:check.${k}`)])) as Record<
  (typeof CHECK_KEYS)[number],
  Localized
>;

export type CheckTextKey = keyof typeof CHECK_TEXTS;

/** The Check column's text for each core message key; null for the keys only the add-in reports. */
const CHECK_TEXT_OF: Partial<Record<MessageKey, CheckTextKey>> = {
  excelError: "excelError",
  statusInvalid: "statusInvalid",
  statusRequired: "statusRequired",
  textExpected: "textExpected",
  textTooLong: "textTooLong",
  responsibleRequired: "responsibleRequired",
  evidenceRequired: "evidenceRequired",
  evidenceLink: "evidenceLink",
  dateAsText: "dateInvalid",
  dateInvalid: "dateInvalid",
  endBeforeStart: "endBeforeStart",
  numberAsText: "numberExpected",
  numberExpected: "numberExpected",
  numberNegative: "numberNegative",
  wholeNumberExpected: "wholeNumberExpected",
  currencyInvalid: "currencyInvalid",
  currencyRequired: "currencyRequired",
};

/** Message keys the native formulas cannot detect (the add-in, `liat check` and LIAT.CHECK still report them). */
export const ADDIN_ONLY_KEYS: readonly MessageKey[] = ["targetGroupUnknown"];

/** One issue as the Check column writes it: the column's header, then what is wrong. */
export function checkPart(header: string, key: CheckTextKey, lang: Lang): string {
  return `${header}: ${CHECK_TEXTS[key][lang]}`;
}

/**
 * What the Check column shows for a row (the reference the native formula is tested against): each
 * issue the formulas can detect, in column order, joined by a space; "" when there is none.
 * `headers` names each entry column in the workbook's language.
 */
export function checkColumnText(raw: RawEntry, lang: Lang, headers: Record<EntryField, string>): string {
  const parts: string[] = [];
  for (const issue of validateEntry(raw).issues) {
    const key = CHECK_TEXT_OF[issue.key];
    if (key !== undefined) parts.push(checkPart(headers[issue.field], key, lang));
  }
  return parts.join(" ");
}

/** The entry cells the highlight rules turn red for a row: those with an issue the formulas detect. */
export function highlightedFields(raw: RawEntry): Set<EntryField> {
  return new Set(
    validateEntry(raw)
      .issues.filter((i) => CHECK_TEXT_OF[i.key] !== undefined)
      .map((i) => i.field),
  );
}

// ---------------------------------------------------------------------------------------------
// Formula builders. `c` is a cell reference (A1, relative or absolute).

/** A text literal. Texts here hold no '"' (some engines do not read the doubled quote), so none is escaped. */
function str(s: string): string {
  if (s.includes('"')) throw new Error(`A native formula text holds a quote: ${s}`);
  return `"${s}"`;
}

/** The cell's text with the folded spaces made " ", runs made one, ends trimmed (src/core/spaces.ts). */
function squeezed(c: string): string {
  let f = c;
  for (const ch of SPACE_CHARS) {
    if (ch === " ") continue;
    const code = ch.codePointAt(0)!;
    f = `SUBSTITUTE(${f},${code < 128 ? `CHAR(${code})` : `UNICHAR(${code})`}," ")`;
  }
  return `TRIM(${f})`;
}

/** True when the text holds a character MATCH would read as a wildcard. */
const hasWildcard = (c: string) => `OR(ISNUMBER(FIND("*",${c})),ISNUMBER(FIND("?",${c})),ISNUMBER(FIND("~",${c})))`;

/** True when the cells (joined by &) hold something (an error counts), as the core's isBlank says. */
const filled = (c: string) => `IF(ISERROR(${c}),TRUE(),${squeezed(c)}<>"")`;

/** True when a number-or-text cell is a readable date (a serial day between 1 and 9999-12-31). */
const isDate = (c: string) =>
  `IF(ISERROR(${c}),FALSE(),IF(ISLOGICAL(${c}),FALSE(),IF(ISNUMBER(${c}),IF(${c}>=1,${c}<=${MAX_DATE_SERIAL},FALSE()),FALSE())))`;

/**
 * The native Points formula for a status cell: its points, "NA" (not applicable), "" (blank) or "?"
 * (unknown; an error value or a boolean included, so that a score never becomes an error).
 */
export function pointsFormulaOf(status: string): string {
  const s = squeezed(status);
  // Looked up among the spellings as written, then among those with no accent. The key MATCH finds
  // is compared again with "=", which ignores case but not accents in every engine (MATCH does not in all).
  const found = (keys: string) => `IFERROR(INDEX(${keys},MATCH(${s},${keys},0))=${s},FALSE())`;
  const points = (keys: string) => `INDEX(LIAT_StatusPoints,MATCH(${s},${keys},0))`;
  return (
    `=IF(ISERROR(${status}),"?",IF(ISLOGICAL(${status}),"?",IF(${s}="","",IF(${hasWildcard(status)},"?",` +
    `IF(${found("LIAT_StatusKey")},${points("LIAT_StatusKey")},` +
    `IF(${found("LIAT_StatusPlainKey")},${points("LIAT_StatusPlainKey")},"?"))))))`
  );
}

/** Cell references of one row's entry cells and its Points cell. */
export type RowCells = Record<EntryField | "points", string>;

/** Per entry field, the formula (without "=") of its part of the Check column: "" or its message. */
function fieldParts(cells: RowCells, lang: Lang, headers: Record<EntryField, string>): Record<EntryField, string> {
  const m = (f: EntryField, key: CheckTextKey) => str(checkPart(headers[f], key, lang));
  const pts = cells.points;
  const levelAtLeast = (level: number) => `IF(ISNUMBER(${pts}),${pts}>=${STATUS_SCALE[level]!.points},FALSE())`;
  const guard = (f: EntryField, logical: CheckTextKey | null, rest: string) => {
    const c = cells[f];
    const onLogical = logical === null ? "" : `IF(ISLOGICAL(${c}),${m(f, logical)},`;
    return `IF(ISERROR(${c}),${m(f, "excelError")},${onLogical}${rest}${logical === null ? "" : ")"})`;
  };
  const blank = (f: EntryField) => `${squeezed(cells[f])}=""`;
  const text = (f: EntryField) => guard(f, "textExpected", `""`);
  // Any other cell filled: their texts joined are not blank (an error in one makes the join an error: filled too).
  const joined = ENTRY_FIELDS.filter((f) => f !== "status")
    .map((f) => cells[f])
    .join("&");
  const date = (f: EntryField, then: string) =>
    guard(f, "dateInvalid", `IF(${blank(f)},"",IF(${isDate(cells[f])},${then},${m(f, "dateInvalid")}))`);
  const budget = cells.budget;
  const budgetReadable = `IF(ISERROR(${budget}),FALSE(),IF(ISLOGICAL(${budget}),FALSE(),IF(ISNUMBER(${budget}),${budget}>=0,FALSE())))`;
  const currency = cells.currency;
  const currencyKnown =
    `IF(ISTEXT(${currency}),IF(${hasWildcard(currency)},FALSE(),` +
    `IFERROR(INDEX(LIAT_Currency,MATCH(${squeezed(currency)},LIAT_Currency,0))=${squeezed(currency)},FALSE())),FALSE())`;
  const evidence = cells.evidence;
  const e = squeezed(evidence);
  const schemes = ["javascript:", "data:", "vbscript:", "file:"].map((s) => `LEFT(${e},${s.length})="${s}"`);
  const n = cells.beneficiaries;
  return {
    status: guard(
      "status",
      null,
      `IF(${pts}="?",${m("status", "statusInvalid")},IF(${pts}="",IF(${filled(joined)},${m("status", "statusRequired")},""),""))`,
    ),
    responsible: guard(
      "responsible",
      "textExpected",
      `IF(LEN(${cells.responsible})>${MAX_RESPONSIBLE},${m("responsible", "textTooLong")},` +
        `IF(${blank("responsible")},IF(${levelAtLeast(1)},${m("responsible", "responsibleRequired")},""),""))`,
    ),
    partners: text("partners"),
    targetGroups: guard("targetGroups", null, `""`),
    start: date("start", `""`),
    end: date(
      "end",
      `IF(${isDate(cells.start)},IF(INT(${cells.end})<INT(${cells.start}),${m("end", "endBeforeStart")},""),"")`,
    ),
    budget: guard(
      "budget",
      "numberExpected",
      `IF(${blank("budget")},"",IF(ISNUMBER(${budget}),IF(${budget}<0,${m("budget", "numberNegative")},""),${m("budget", "numberExpected")}))`,
    ),
    currency: guard(
      "currency",
      "currencyInvalid",
      `IF(${blank("currency")},IF(${budgetReadable},${m("currency", "currencyRequired")},""),` +
        `IF(${currencyKnown},"",${m("currency", "currencyInvalid")}))`,
    ),
    beneficiaries: guard(
      "beneficiaries",
      "numberExpected",
      `IF(${blank("beneficiaries")},"",IF(ISNUMBER(${n}),IF(OR(${n}<0,${n}<>INT(${n})),${m("beneficiaries", "wholeNumberExpected")},""),${m("beneficiaries", "numberExpected")}))`,
    ),
    evidence: guard(
      "evidence",
      "textExpected",
      `IF(${blank("evidence")},IF(${levelAtLeast(3)},${m("evidence", "evidenceRequired")},""),` +
        `IF(OR(${schemes.join(",")}),${m("evidence", "evidenceLink")},""))`,
    ),
    comments: text("comments"),
  };
}

/** The native Check formula of a row: every part, in column order, joined by one space (TRIM drops the empty ones). */
export function checkFormulaOf(cells: RowCells, lang: Lang, headers: Record<EntryField, string>): string {
  const parts = fieldParts(cells, lang, headers);
  return `=TRIM(${ENTRY_FIELDS.map((f) => parts[f]).join(`&" "&`)})`;
}

/**
 * The highlight rule of an entry column, relative to the first data row: true when the row's Check
 * cell names the column (FIND: exact, no wildcards). A leading space keeps one header from matching
 * the end of another.
 */
export function highlightFormulaOf(checkCell: string, header: string): string {
  return `=ISNUMBER(FIND(${str(` ${header}:`)}," "&${checkCell}))`;
}

/** The status labels the Check column's "unknown status" message points at (for the README and tests). */
export const listedStatuses = (lang: Lang) => statusLabels(lang);
