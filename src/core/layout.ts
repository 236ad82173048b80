/**
 * The LIAT workbook layout, defined once: sheet names, table columns and their labels, native data
 * validation, status colours, the hidden lists sheet and the cover sheet's native formulas. The
 * add-in (src/excel) and the command line (src/cli, with ExcelJS) both build the workbook from this.
 * Cell formulas here use only native Excel functions, so the workbook reads right without the add-in.
 */
import { columnLetter } from "./a1";
import { objectivesOfDomain } from "./catalogue";
import type { DomainId, Objective } from "./catalogueTypes";
import { CURRENCIES } from "./currencies";
import { DOMAINS, getSubCategory } from "./domains";
import { ENTRY_FIELDS, MAX_CELL_TEXT, MAX_RESPONSIBLE, type EntryField } from "./entrySchema";
import { localized, text, textList } from "./i18n/texts";
import { LANGUAGES, type Lang, type Localized } from "./language";
import { formatReferences } from "./references";
import { RATING_BANDS } from "./rating";
import { checkFormulaOf, highlightFormulaOf, pointsFormulaOf, type RowCells } from "./nativeChecks";
import { levelColor, STATUS_PALETTE } from "./palette";
import { NOT_APPLICABLE_LABEL, STATUS_SCALE, statusKeys, statusLabels, type StatusKey } from "./status";
import { targetGroupLabels } from "./targetGroups";
import { textKey } from "./textKey";

/** Version of this layout. A workbook records it; a later add-in upgrades older ones. */
export const SCHEMA_VERSION = 3;
/** The framework version in the hidden lists sheet's settings (the cover shows it in the workbook's language). */
export const FRAMEWORK_VERSION = "LIAT v1 (draft)";
/** Name of the custom document property and lists-sheet key that carry the schema version. */
export const SCHEMA_PROPERTY = "LIAT.schemaVersion";

export const COVER_SHEET = "LIAT";
export const LISTS_SHEET = "LIAT_Lists";
export const CONSOLIDATION_SHEET: Localized = localized("consolidation:sheet");

/** 1-based row of the table header on a domain sheet; rows above hold the title and help. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

export type CatalogueColumn = "code" | "subcategory" | "objective" | "gcr" | "gcm";
export type ColumnKey = CatalogueColumn | EntryField | "points" | "check";

export type ValidationSpec =
  | { type: "list"; source: string }
  | { type: "date"; operator: "greaterThanOrEqualTo"; formula1: string }
  | { type: "wholeNumber"; operator: "greaterThanOrEqualTo"; formula1: string }
  | { type: "decimal"; operator: "greaterThanOrEqualTo"; formula1: string }
  | { type: "textLength"; operator: "lessThanOrEqualTo"; formula1: string };

export interface ColumnSpec {
  key: ColumnKey;
  /** catalogue: filled by the add-in, locked; entry: typed by people, unlocked; computed: native formula, locked. */
  kind: "catalogue" | "entry" | "computed";
  header: Localized;
  /** Other headers that mean the same column in files received back (any language, any case). */
  aliases: string[];
  /** Width in characters (Excel's column width unit). */
  width: number;
  wrap: boolean;
  numberFormat: string;
  validation?: ValidationSpec;
  /** Shown when the cell is selected (native input message). */
  prompt?: { title: Localized; message: Localized };
  /** Shown when a value breaks the native rule. */
  error?: { title: Localized; message: Localized };
}

/** The one date format of the workbook (what the sheets show and what messages write). */
export const DATE_FORMAT = "yyyy-mm-dd";

/** Other headers that name a column in files received back (texts `workbook:column.<key>.aliases`, every language). */
function aliasesOf(key: ColumnKey): string[] {
  return LANGUAGES.flatMap((lang) => textList(lang, `workbook:column.${key}.aliases`));
}

/** The target groups' input message: its list in each language. */
function targetGroupsPrompt(): Localized {
  return Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      text(lang, "workbook:column.targetGroups.prompt", { groups: targetGroupLabels(lang).join("; ") }),
    ]),
  ) as Localized;
}

/** Placeholder for the first data row's number in relative validation formulas. */
export const ROW_TOKEN = "{row}";

export const COLUMNS: readonly ColumnSpec[] = [
  {
    key: "code",
    kind: "catalogue",
    header: localized("workbook:column.code.header"),
    aliases: aliasesOf("code"),
    width: 8,
    wrap: false,
    numberFormat: "@",
  },
  {
    key: "subcategory",
    kind: "catalogue",
    header: localized("workbook:column.subcategory.header"),
    aliases: aliasesOf("subcategory"),
    width: 28,
    wrap: true,
    numberFormat: "@",
  },
  {
    key: "objective",
    kind: "catalogue",
    header: localized("workbook:column.objective.header"),
    aliases: aliasesOf("objective"),
    width: 60,
    wrap: true,
    numberFormat: "@",
  },
  {
    key: "gcr",
    kind: "catalogue",
    header: localized("workbook:column.gcr.header"),
    aliases: aliasesOf("gcr"),
    width: 14,
    wrap: true,
    numberFormat: "@",
  },
  {
    key: "gcm",
    kind: "catalogue",
    header: localized("workbook:column.gcm.header"),
    aliases: aliasesOf("gcm"),
    width: 16,
    wrap: true,
    numberFormat: "@",
  },
  {
    key: "status",
    kind: "entry",
    header: localized("workbook:column.status.header"),
    aliases: aliasesOf("status"),
    width: 16,
    wrap: false,
    numberFormat: "@",
    validation: { type: "list", source: "=LIAT_Status" },
    prompt: {
      title: localized("workbook:column.status.promptTitle"),
      message: localized("workbook:column.status.prompt"),
    },
    error: {
      title: localized("workbook:column.status.errorTitle"),
      message: localized("workbook:column.status.error"),
    },
  },
  {
    key: "responsible",
    kind: "entry",
    header: localized("workbook:column.responsible.header"),
    aliases: aliasesOf("responsible"),
    width: 22,
    wrap: true,
    numberFormat: "@",
    validation: { type: "textLength", operator: "lessThanOrEqualTo", formula1: String(MAX_RESPONSIBLE) },
    prompt: {
      title: localized("workbook:column.responsible.promptTitle"),
      message: localized("workbook:column.responsible.prompt", { max: MAX_RESPONSIBLE }),
    },
    error: {
      title: localized("workbook:column.responsible.errorTitle"),
      message: localized("workbook:column.responsible.error", { max: MAX_RESPONSIBLE }),
    },
  },
  {
    key: "partners",
    kind: "entry",
    header: localized("workbook:column.partners.header"),
    aliases: aliasesOf("partners"),
    width: 22,
    wrap: true,
    numberFormat: "@",
  },
  {
    key: "targetGroups",
    kind: "entry",
    header: localized("workbook:column.targetGroups.header"),
    aliases: aliasesOf("targetGroups"),
    width: 22,
    wrap: true,
    numberFormat: "@",
    // Any text (checked item by item by the add-in); a typed rule with blanks allowed, as LibreOffice needs.
    validation: { type: "textLength", operator: "lessThanOrEqualTo", formula1: String(MAX_CELL_TEXT) },
    prompt: {
      title: localized("workbook:column.targetGroups.promptTitle"),
      message: targetGroupsPrompt(),
    },
  },
  {
    key: "start",
    kind: "entry",
    header: localized("workbook:column.start.header"),
    aliases: aliasesOf("start"),
    width: 12,
    wrap: false,
    numberFormat: DATE_FORMAT,
    validation: { type: "date", operator: "greaterThanOrEqualTo", formula1: "=DATE(1900,1,1)" },
    prompt: {
      title: localized("workbook:column.start.promptTitle"),
      message: localized("workbook:column.start.prompt"),
    },
    error: {
      title: localized("workbook:column.start.errorTitle"),
      message: localized("workbook:column.start.error"),
    },
  },
  {
    key: "end",
    kind: "entry",
    header: localized("workbook:column.end.header"),
    aliases: aliasesOf("end"),
    width: 12,
    wrap: false,
    numberFormat: DATE_FORMAT,
    validation: { type: "date", operator: "greaterThanOrEqualTo", formula1: `=MAX(DATE(1900,1,1),J${ROW_TOKEN})` },
    prompt: {
      title: localized("workbook:column.end.promptTitle"),
      message: localized("workbook:column.end.prompt"),
    },
    error: {
      title: localized("workbook:column.end.errorTitle"),
      message: localized("workbook:column.end.error"),
    },
  },
  {
    key: "budget",
    kind: "entry",
    header: localized("workbook:column.budget.header"),
    aliases: aliasesOf("budget"),
    width: 14,
    wrap: false,
    numberFormat: "#,##0.00",
    validation: { type: "decimal", operator: "greaterThanOrEqualTo", formula1: "0" },
    prompt: {
      title: localized("workbook:column.budget.promptTitle"),
      message: localized("workbook:column.budget.prompt"),
    },
    error: {
      title: localized("workbook:column.budget.errorTitle"),
      message: localized("workbook:column.budget.error"),
    },
  },
  {
    key: "currency",
    kind: "entry",
    header: localized("workbook:column.currency.header"),
    aliases: aliasesOf("currency"),
    width: 9,
    wrap: false,
    numberFormat: "@",
    validation: { type: "list", source: "=LIAT_Currency" },
    prompt: {
      title: localized("workbook:column.currency.promptTitle"),
      message: localized("workbook:column.currency.prompt"),
    },
    error: {
      title: localized("workbook:column.currency.errorTitle"),
      message: localized("workbook:column.currency.error"),
    },
  },
  {
    key: "beneficiaries",
    kind: "entry",
    header: localized("workbook:column.beneficiaries.header"),
    aliases: aliasesOf("beneficiaries"),
    width: 13,
    wrap: false,
    numberFormat: "#,##0",
    validation: { type: "wholeNumber", operator: "greaterThanOrEqualTo", formula1: "0" },
    prompt: {
      title: localized("workbook:column.beneficiaries.promptTitle"),
      message: localized("workbook:column.beneficiaries.prompt"),
    },
    error: {
      title: localized("workbook:column.beneficiaries.errorTitle"),
      message: localized("workbook:column.beneficiaries.error"),
    },
  },
  {
    key: "evidence",
    kind: "entry",
    header: localized("workbook:column.evidence.header"),
    aliases: aliasesOf("evidence"),
    width: 24,
    wrap: true,
    numberFormat: "@",
    validation: { type: "textLength", operator: "lessThanOrEqualTo", formula1: String(MAX_CELL_TEXT) },
    prompt: {
      title: localized("workbook:column.evidence.promptTitle"),
      message: localized("workbook:column.evidence.prompt"),
    },
  },
  {
    key: "comments",
    kind: "entry",
    header: localized("workbook:column.comments.header"),
    aliases: aliasesOf("comments"),
    width: 30,
    wrap: true,
    numberFormat: "@",
  },
  {
    key: "points",
    kind: "computed",
    header: localized("workbook:column.points.header"),
    aliases: aliasesOf("points"),
    width: 8,
    wrap: false,
    numberFormat: "0",
  },
  {
    key: "check",
    kind: "computed",
    header: localized("workbook:column.check.header"),
    aliases: aliasesOf("check"),
    width: 40,
    wrap: true,
    numberFormat: "General",
  },
];

export const COLUMN_KEYS: readonly ColumnKey[] = COLUMNS.map((c) => c.key);

/** 0-based index of a column in the layout as inserted. */
export function columnIndex(key: ColumnKey): number {
  return COLUMN_KEYS.indexOf(key);
}

export { columnLetter };

const HEADER_KEYS = new Map<string, ColumnKey>();
for (const c of COLUMNS) for (const h of [...Object.values(c.header), ...c.aliases]) HEADER_KEYS.set(textKey(h), c.key);
/** Abbreviations people put in headers for a column (folded by textKey). */
for (const [abbreviation, key] of [
  ["n°", "code"],
  ["no", "code"],
  ["no.", "code"],
  ["num", "code"],
  ["numero", "code"],
  ["number", "code"],
  ["#", "code"],
  ["ref", "code"],
  ["ref.", "code"],
  ["reference", "code"],
  ["id", "code"],
  ["stat.", "status"],
  ["resp.", "responsible"],
  ["comm.", "comments"],
  ["obs.", "comments"],
  ["observations", "comments"],
  ["benef.", "beneficiaries"],
] as const)
  if (!HEADER_KEYS.has(abbreviation)) HEADER_KEYS.set(abbreviation, key);

/** Where a header's first word ends. */
const WORD_END = /[\s(:*\-–]/u;
const firstWord = (key: string) => key.split(WORD_END, 1)[0]!;

/** Known headers of 4 characters or more by their first word, longest first ("date de debut" before "date"). */
const HEADER_PREFIXES = new Map<string, string[]>();
for (const h of [...HEADER_KEYS.keys()].sort((a, b) => b.length - a.length)) {
  if (h.length < 4) continue;
  const w = firstWord(h);
  HEADER_PREFIXES.set(w, [...(HEADER_PREFIXES.get(w) ?? []), h]);
}

/** Text longer than this names no column (room for a suffix such as " 2025 (à remplir)"). */
const MAX_HEADER_TEXT = 2 * Math.max(...[...HEADER_KEYS.keys()].map((k) => k.length));

/** What people add after a header: a year, a number, a mark, a note in brackets, a colon. */
// One digit at a time (a run is the group repeated): no nested repeat, so no backtracking blow-up on long data texts.
const HEADER_SUFFIX = /(?:\s*(?:[*:]|\(.*\)|\[.*\]|\d|[-–—/]))+$/u;

/** The first word of every known header, folded ("date de debut" → "date"). */
const HEADER_FIRST_WORDS = new Set([...HEADER_KEYS.keys()].map(firstWord));
const PRINTABLE_ASCII = /^[\x21-\x7E]+$/;
/** Where a suffix may start inside a first word ("Statut2025", "Statut[1]", "Code/"). */
const SUFFIX_START = /[\d[\]/]/;
/** The quick no holds while no known header's first word has a character where a suffix may start. */
const QUICK_NO = ![...HEADER_FIRST_WORDS].some((w) => SUFFIX_START.test(w));

/**
 * A quick no for data text (URLs, names, codes), without folding it: a text whose first word is plain
 * ASCII is a header only if that word, lower-cased (or cut where a suffix may start), is a known
 * header's first word. Other texts (accents, a leading space, a backtick) go through the full match.
 */
function namesNoHeader(text: string): boolean {
  if (!QUICK_NO) return false;
  const end = text.search(WORD_END);
  const word = end < 0 ? text : text.slice(0, end);
  if (word === "" || !PRINTABLE_ASCII.test(word) || word.includes("`")) return false;
  const lower = word.toLowerCase();
  if (HEADER_FIRST_WORDS.has(lower)) return false;
  const cut = lower.search(SUFFIX_START);
  return cut < 0 || !HEADER_FIRST_WORDS.has(lower.slice(0, cut));
}

/**
 * Which layout column a header cell names, or null. Lenient as received files are: any case,
 * accents, line breaks, either language, known abbreviations ("N°" for Code), and a suffix the
 * sender added ("Statut 2025", "Statut\n(obligatoire)", "Status *", "Statut actuel").
 */
export function matchHeader(text: unknown): ColumnKey | null {
  // Long texts (objectives, comments) are not folded: finding header rows stays cheap on data rows.
  if (typeof text !== "string" || text.length > MAX_HEADER_TEXT || namesNoHeader(text)) return null;
  const key = textKey(text);
  const exact = HEADER_KEYS.get(key) ?? HEADER_KEYS.get(key.replace(HEADER_SUFFIX, ""));
  if (exact !== undefined) return exact;
  // A known header followed by other words ("statut actuel", "code objectif lcl"): the longest that fits.
  for (const h of HEADER_PREFIXES.get(firstWord(key)) ?? []) {
    if (key.startsWith(h) && WORD_END.test(key.charAt(h.length))) return HEADER_KEYS.get(h)!;
  }
  return null;
}

/**
 * Reads a header row: which column index holds which key (the first, when a key is named twice).
 * A row is a LIAT header when it names at least the code and status columns. Returns null otherwise.
 */
export function mapHeaderRow(cells: readonly unknown[]): Partial<Record<ColumnKey, number>> | null {
  const map: Partial<Record<ColumnKey, number>> = {};
  cells.forEach((cell, i) => {
    const key = matchHeader(cell);
    if (key !== null && map[key] === undefined) map[key] = i;
  });
  return map.code !== undefined && map.status !== undefined ? map : null;
}

export function domainSheetName(domain: DomainId, lang: Lang): string {
  return `${domain} ${DOMAINS.find((d) => d.id === domain)!.short[lang]}`;
}

export function tableName(domain: DomainId): string {
  return `LIAT_D${domain}`;
}

/** Catalogue cells of an objective's row, in COLUMNS order (entry and computed cells excluded). */
export function catalogueCells(o: Objective, lang: Lang): Record<CatalogueColumn, string> {
  return {
    code: o.code,
    subcategory: getSubCategory(o.subcategory)?.name[lang] ?? "",
    objective: o.text[lang],
    gcr: formatReferences(o.refs.filter((r) => r.compact === "GCR")),
    gcm: formatReferences(o.refs.filter((r) => r.compact === "GCM")),
  };
}

/** The native formula of the Points column for a 1-based sheet row: number, "NA", "" (blank) or "?" (unknown). */
export function pointsFormula(row: number, statusColumn = columnLetter(columnIndex("status"))): string {
  return pointsFormulaOf(`${statusColumn}${row}`);
}

/** Column letters of a table's entry and Points columns (defaults: the layout as inserted). */
export type RowLetters = Record<EntryField | "points", string>;

export function defaultLetters(): RowLetters {
  const out = {} as RowLetters;
  for (const k of [...ENTRY_FIELDS, "points"] as const) out[k] = columnLetter(columnIndex(k));
  return out;
}

/** Entry column headers in a language (what the Check column names). */
export function entryHeaders(lang: Lang): Record<EntryField, string> {
  const out = {} as Record<EntryField, string>;
  for (const f of ENTRY_FIELDS) out[f] = COLUMNS.find((c) => c.key === f)!.header[lang];
  return out;
}

/** The native formula of the Check column for a 1-based sheet row: what is wrong with the row, "" when valid.
 * `letters` says where each column is; "" for a column the table lacks. */
export function checkFormula(row: number, lang: Lang, letters: RowLetters = defaultLetters()): string {
  const cells = {} as RowCells;
  // A column the table lacks ("" letter) reads as a blank cell.
  for (const k of Object.keys(letters) as (keyof RowLetters)[])
    cells[k] = letters[k] === "" ? '""' : `${letters[k]}${row}`;
  return checkFormulaOf(cells, lang, entryHeaders(lang));
}

export interface DomainSheetLayout {
  domain: DomainId;
  name: string;
  table: string;
  title: string;
  help: string;
  headers: string[];
  /** One row per objective: catalogue cells, blank entry cells, the Points formula. */
  rows: (string | number)[][];
  /** 1-based first and last data rows. */
  firstRow: number;
  lastRow: number;
}

export function domainSheetLayout(domain: DomainId, lang: Lang): DomainSheetLayout {
  const d = DOMAINS.find((x) => x.id === domain)!;
  const objectives = objectivesOfDomain(domain);
  const rows = objectives.map((o, i) => {
    const cat = catalogueCells(o, lang);
    return COLUMNS.map((c) => {
      if (c.kind === "catalogue") return cat[c.key as CatalogueColumn];
      if (c.key === "points") return pointsFormula(FIRST_DATA_ROW + i);
      if (c.key === "check") return checkFormula(FIRST_DATA_ROW + i, lang);
      return "";
    });
  });
  return {
    domain,
    name: domainSheetName(domain, lang),
    table: tableName(domain),
    title: text(lang, "workbook:domainSheet.title", { id: domain, name: d.name[lang] }),
    help: text(lang, "workbook:domainSheet.help"),
    headers: COLUMNS.map((c) => c.header[lang]),
    rows,
    firstRow: FIRST_DATA_ROW,
    lastRow: FIRST_DATA_ROW + objectives.length - 1,
  };
}

/** Status colours (conditional formatting on the Status column), by level, N/A last: the one palette (palette.ts). */
export const STATUS_COLORS: readonly { labels: Localized; fill: string; font: string }[] = [
  ...STATUS_SCALE.map((s, i) => ({
    labels: s.label,
    ...levelColor(i),
  })),
  { labels: NOT_APPLICABLE_LABEL, ...STATUS_PALETTE.na },
];

/** The status lookup table: every spelling the core accepts (lower case, spaces folded, as written and with no accent), with its points. */
export function statusLookup(): readonly StatusKey[] {
  return statusKeys();
}

/** A named range on the lists sheet. */
export interface ListsName {
  name: string;
  /** Absolute reference, e.g. "=LIAT_Lists!$A$2:$A$7". */
  ref: string;
}

export interface ListsSheetLayout {
  /** Cell values from A1, as one rectangular block (blank cells are ""). */
  values: (string | number)[][];
  names: ListsName[];
}

/** The hidden lists sheet: status labels, lookup table, target groups, currencies, rating bands, schema. */
export function listsSheetLayout(lang: Lang): ListsSheetLayout {
  const statuses = statusLabels(lang);
  const lookup = statusLookup();
  const groups = targetGroupLabels(lang);
  const columns: (string | number)[][] = [
    [text(lang, "workbook:lists.status"), ...statuses],
    [],
    ["Key", ...lookup.map((l) => l.written)],
    ["Plain key", ...lookup.map((l) => l.plain)],
    ["Points", ...lookup.map((l) => l.points)],
    [],
    [text(lang, "workbook:lists.targetGroups"), ...groups],
    [],
    [text(lang, "workbook:lists.currency"), ...CURRENCIES],
    [],
    ["Min", ...RATING_BANDS.map((b) => b.min)],
    [text(lang, "workbook:lists.rating"), ...RATING_BANDS.map((b) => b.label[lang])],
    [],
    ["Setting", SCHEMA_PROPERTY, "language", "framework"],
    ["Value", SCHEMA_VERSION, lang, FRAMEWORK_VERSION],
  ];
  const height = Math.max(...columns.map((c) => c.length));
  const values = Array.from({ length: height }, (_, r) => columns.map((c) => c[r] ?? ""));
  const range = (col: number, count: number) =>
    `=${LISTS_SHEET}!$${columnLetter(col)}$2:$${columnLetter(col)}$${count + 1}`;
  return {
    values,
    names: [
      { name: "LIAT_Status", ref: range(0, statuses.length) },
      { name: "LIAT_StatusKey", ref: range(2, lookup.length) },
      { name: "LIAT_StatusPlainKey", ref: range(3, lookup.length) },
      { name: "LIAT_StatusPoints", ref: range(4, lookup.length) },
      { name: "LIAT_TargetGroups", ref: range(6, groups.length) },
      { name: "LIAT_Currency", ref: range(8, CURRENCIES.length) },
      { name: "LIAT_RatingMin", ref: range(10, RATING_BANDS.length) },
      { name: "LIAT_Rating", ref: range(11, RATING_BANDS.length) },
    ],
  };
}

/** 1-based rows of the cover sheet. */
export const COVER = {
  titleRow: 1,
  cityRow: 3,
  periodRow: 4,
  languageRow: 5,
  frameworkRow: 6,
  schemaRow: 7,
  helpRow: 9,
  summaryHeaderRow: 16,
  /** Value column for the settings (city, period…), 1-based: B. */
  valueColumn: 2,
} as const;

export interface CoverLayout {
  /** Cell values and native formulas from A1 (rectangular, "" for blank). */
  values: (string | number)[][];
  /** 1-based row of each domain's summary line, and of the overall line. */
  domainRows: Record<DomainId, number>;
  overallRow: number;
  /** Columns of the summary block (1-based): score, rating, coverage, assessed, applicable. */
  columns: { score: number; rating: number; coverage: number; assessed: number; applicable: number };
}

export const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * The cover sheet, with the overall and per-domain score, rating and coverage as native formulas
 * over each domain sheet's Points column. They agree with src/core/summary.ts by construction:
 * score = AVERAGE of numeric points; applicable = rows − N/A; coverage = assessed / applicable;
 * overall = AVERAGE of the domain scores that exist.
 */
/** Where a domain's Points column is, for the cover formulas (defaults to the layout as inserted). */
export interface PointsRef {
  sheet: string;
  /** Column letter of the Points column. */
  column: string;
  /** 1-based first and last data rows. */
  firstRow: number;
  lastRow: number;
}

export function coverLayout(
  lang: Lang,
  settings: { city?: string; period?: string } = {},
  refs: Partial<Record<DomainId, PointsRef>> = {},
): CoverLayout {
  const w = (key: string) => text(lang, `workbook:cover.${key}`);
  const pts = columnLetter(columnIndex("points"));
  const rows: (string | number)[][] = [];
  const set = (r: number, cells: (string | number)[]) => (rows[r - 1] = cells);
  set(COVER.titleRow, [w("title")]);
  set(COVER.cityRow, [w("city"), settings.city ?? ""]);
  set(COVER.periodRow, [w("period"), settings.period ?? ""]);
  // The language by its name ("Français"); the reader takes a name or a code (src/core/workbookReader.ts).
  set(COVER.languageRow, [w("language"), text(lang, "language:name")]);
  set(COVER.frameworkRow, [w("framework"), w("frameworkVersion")]);
  set(COVER.schemaRow, [w("schema"), SCHEMA_VERSION]);
  // The score rule names the status labels and their points from the scale, never repeating them.
  const scale = STATUS_SCALE.map((st) =>
    text(lang, "workbook:cover.scaleStep", { label: st.label[lang], points: st.points }),
  ).join(", ");
  const help = [
    w("howTo"),
    w("step1"),
    w("step2"),
    w("step3"),
    w("step4"),
    text(lang, "workbook:cover.scoreRule", { scale }),
  ];
  help.forEach((line, i) => set(COVER.helpRow + i, [line]));
  set(COVER.summaryHeaderRow, ["domain", "score", "rating", "coverage", "assessed", "applicable"].map(w));
  const domainRows = {} as Record<DomainId, number>;
  DOMAINS.forEach((d, i) => {
    const r = COVER.summaryHeaderRow + 1 + i;
    domainRows[d.id] = r;
    const s = domainSheetLayout(d.id, lang);
    const at = refs[d.id] ?? { sheet: s.name, column: pts, firstRow: s.firstRow, lastRow: s.lastRow };
    const ref = `${quoteSheet(at.sheet)}!$${at.column}$${at.firstRow}:$${at.column}$${at.lastRow}`;
    set(r, [
      `${d.id} ${d.name[lang]}`,
      `=IF(COUNT(${ref})=0,"",AVERAGE(${ref}))`,
      `=IF(B${r}="","",INDEX(LIAT_Rating,MATCH(B${r},LIAT_RatingMin,1)))`,
      `=IF(F${r}=0,"",E${r}/F${r})`,
      `=COUNT(${ref})`,
      `=ROWS(${ref})-COUNTIF(${ref},"NA")`,
    ]);
  });
  const first = COVER.summaryHeaderRow + 1;
  const last = first + DOMAINS.length - 1;
  const overallRow = last + 1;
  set(overallRow, [
    w("overall"),
    `=IF(COUNT(B${first}:B${last})=0,"",AVERAGE(B${first}:B${last}))`,
    `=IF(B${overallRow}="","",INDEX(LIAT_Rating,MATCH(B${overallRow},LIAT_RatingMin,1)))`,
    `=IF(F${overallRow}=0,"",E${overallRow}/F${overallRow})`,
    `=SUM(E${first}:E${last})`,
    `=SUM(F${first}:F${last})`,
  ]);
  const width = Math.max(0, ...Array.from(rows, (r) => r?.length ?? 0));
  const values = Array.from({ length: rows.length }, (_, i) => {
    const r = rows[i] ?? [];
    return Array.from({ length: width }, (_, c) => r[c] ?? "");
  });
  return { values, domainRows, overallRow, columns: { score: 2, rating: 3, coverage: 4, assessed: 5, applicable: 6 } };
}

/** All domain ids, in order. */
export const DOMAIN_IDS: readonly DomainId[] = DOMAINS.map((d) => d.id);

export { ENTRY_FIELDS };

/**
 * Highlighting invalid cells. The add-in never writes on an edit and never changes a cell's own format:
 * each entry column has one conditional format, a same-row formula over the Check column, that turns a
 * cell red when the Check column names its column. Version 2 workbooks had a hidden flags sheet
 * written by the add-in instead; the version 3 upgrade removes it.
 */
export const LEGACY_FLAGS_SHEET = "LIAT_Flags";
export const HIGHLIGHT = { fill: "#FFC7CE", font: "#9C0006" } as const;

/** The highlight rule of one entry column, relative to the first data row (`checkColumn`: letter of the Check column). */
export function highlightFormula(
  field: EntryField,
  lang: Lang,
  firstRow = FIRST_DATA_ROW,
  checkColumn = columnLetter(columnIndex("check")),
): string {
  return highlightFormulaOf(`$${checkColumn}${firstRow}`, entryHeaders(lang)[field]);
}

/** Status colour rules: a formula over the Points column of the row (relative to the first data row). */
export function statusColorRules(
  firstRow = FIRST_DATA_ROW,
  pointsColumn = columnLetter(columnIndex("points")),
): { formula: string; fill: string; font: string }[] {
  const cell = `$${pointsColumn}${firstRow}`;
  return STATUS_COLORS.map((c, i) => ({
    formula: i < STATUS_SCALE.length ? `=AND(ISNUMBER(${cell}),${cell}=${STATUS_SCALE[i]!.points})` : `=${cell}="NA"`,
    fill: c.fill,
    font: c.font,
  }));
}

/** Column width in points (what Excel's API sets) for a width in characters. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Look of the domain tables, the same in the add-in and the command line. */
export const TABLE_STYLE = "TableStyleLight9";
/** Fill of the locked catalogue cells, and of header cells (with their font colour). */
export const CATALOGUE_FILL = "#F2F2F2";
export const HEADER_FILL = "#1F4E79";
export const HEADER_FONT = "#FFFFFF";

/** Sheet protection the add-in and the command line apply: no password; formatting allowed so that highlights and widths work. */
export const PROTECTION_OPTIONS = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: false,
  allowInsertRows: false,
  allowDeleteRows: false,
} as const;

/**
 * The history of closed reporting periods: plain cells in one Excel table on its own sheet, one row
 * per closed period and objective, so it survives email, co-authoring and opening without the
 * add-in. `seq` numbers the periods in the order they were closed (the cover's trend formulas look
 * periods up by it); `domain` and `points` let native formulas average a domain's points per period
 * (`points` is the same native formula as a domain sheet's Points column, over the row's status).
 * The headers name no domain-table column pair (no "Code"), so readers never take it for a LIAT table.
 */
export const HISTORY_SHEET = "LIAT_History";
export const HISTORY_TABLE = "LIAT_Periods";
export type HistoryColumnKey = "seq" | "period" | "closedOn" | "code" | "domain" | "status" | "points";
export const HISTORY_COLUMNS: readonly { key: HistoryColumnKey; header: Localized; numberFormat: string }[] = (
  [
    ["seq", "0"],
    ["period", "@"],
    ["closedOn", DATE_FORMAT],
    ["code", "@"],
    ["domain", "0"],
    ["status", "@"],
    ["points", "0"],
  ] as const
).map(([key, numberFormat]) => ({ key, header: localized(`workbook:history.${key}`), numberFormat }));
