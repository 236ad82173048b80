/**
 * Builds the LIAT workbook with ExcelJS from the one layout definition (src/core/layout.ts), as the
 * add-in inserts it: cover sheet with native formulas, six domain sheets each holding one Excel
 * table with the Points formula column, and the hidden lists sheet with its named ranges. With
 * recorded periods (`history`), the history sheet and its table as closing a period writes them, and
 * the cover's trend block over it (native formulas, each with its result as the core computes it).
 */
import { text } from "../core/i18n/texts";
import ExcelJS from "exceljs";
import type { DomainId } from "../core/catalogueTypes";
import { ENTRY_FIELDS, type EntryField, type RawEntry } from "../core/entrySchema";
import type { Lang } from "../core/language";
import { SCORE_NUMBER_FORMAT } from "../core/scoreDisplay";
import { HISTORY_COLUMN_INDEX, historyBody, type HistoryPeriod } from "../core/history";
import { periodTrend, TREND, trendBlock } from "../core/trend";
import {
  CATALOGUE_FILL,
  COLUMNS,
  COVER,
  COVER_SHEET,
  DOMAIN_IDS,
  FIRST_DATA_ROW,
  HEADER_ROW,
  HISTORY_COLUMNS,
  HISTORY_SHEET,
  HISTORY_TABLE,
  LISTS_SHEET,
  HEADER_FILL,
  HEADER_FONT,
  HIGHLIGHT,
  highlightFormula,
  PROTECTION_OPTIONS,
  ROW_TOKEN,
  SCHEMA_PROPERTY,
  SCHEMA_VERSION,
  statusColorRules,
  TABLE_STYLE,
  columnIndex,
  columnLetter,
  coverLayout,
  domainSheetLayout,
  entryHeaders,
  type CoverLayout,
  listsSheetLayout,
  type ColumnSpec,
  type ValidationSpec,
} from "../core/layout";
import { setDataCell, TEXT_FORMAT } from "./cellText";
import { OBJECTIVE_CODES } from "../core/catalogue";
import { checkColumnText } from "../core/nativeChecks";
import { ratingLabel } from "../core/rating";
import { parseStatus } from "../core/status";
import { summarize } from "../core/summary";
import { serialToDate } from "../core/dates";

export interface WriteOptions {
  lang: Lang;
  city?: string;
  period?: string;
  /** Entries to fill in, by objective code (used by tests, fixtures and the benchmark). */
  entries?: Record<string, RawEntry>;
  /** Closed periods to record in the history table (and the cover's trend over them); none: no history sheet. */
  history?: readonly HistoryPeriod[];
}

/**
 * A formula as the file stores it: no "=", and functions newer than Excel 2007 with their "_xlfn."
 * prefix (ECMA-376 Part 1, 18.17.7; Excel's API adds it by itself).
 */
export function fileFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/\bUNICHAR\(/g, "_xlfn.UNICHAR(");
}

/** ExcelJS colour ("FF" alpha then RGB) from a layout colour "#RRGGBB". */
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** A table header cell as the command line writes it: bold white on dark blue, wrapped. */
export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { bold: true, color: { argb: argb(HEADER_FONT) } };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(HEADER_FILL) } };
  cell.alignment = { vertical: "middle", wrapText: true };
}

/** The ExcelJS data validation for a layout spec at one cell (relative formulas resolved). */
function dataValidation(spec: ColumnSpec, row: number, lang: Lang): ExcelJS.DataValidation {
  const messages = {
    allowBlank: true,
    showInputMessage: spec.prompt !== undefined,
    promptTitle: spec.prompt?.title[lang],
    prompt: spec.prompt?.message[lang],
    showErrorMessage: spec.error !== undefined,
    errorStyle: "stop" as const,
    errorTitle: spec.error?.title[lang],
    error: spec.error?.message[lang],
  };
  const v: ValidationSpec | undefined = spec.validation;
  if (v === undefined) return { type: "any", formulae: [], ...messages } as unknown as ExcelJS.DataValidation;
  const formula = (f: string) => f.replace(ROW_TOKEN, String(row)).replace(/^=/, "");
  switch (v.type) {
    case "list":
      return { type: "list", formulae: [formula(v.source)], ...messages };
    case "textLength":
      return { type: "textLength", operator: "lessThanOrEqual", formulae: [Number(v.formula1)], ...messages };
    case "wholeNumber":
      return { type: "whole", operator: "greaterThanOrEqual", formulae: [Number(v.formula1)], ...messages };
    case "decimal":
      return { type: "decimal", operator: "greaterThanOrEqual", formulae: [Number(v.formula1)], ...messages };
    case "date": {
      const f = formula(v.formula1);
      if (f === "DATE(1900,1,1)") {
        // ExcelJS writes date bounds as serial numbers: 1 is 1900-01-01 in Excel's date system.
        return {
          type: "date",
          operator: "greaterThanOrEqual",
          formulae: [serialToDate(1)],
          ...messages,
        };
      }
      // ExcelJS cannot write a formula as a date bound; the same rule as a custom formula:
      // a real date (a number), not before the bound.
      const cell = `${columnLetter(COLUMNS.indexOf(spec))}${row}`;
      return { type: "custom", formulae: [`AND(ISNUMBER(${cell}),${cell}>=${f})`], ...messages };
    }
  }
}

/** What the cover's summary formulas compute, by the core: its cached results, per summary row and column. */
function coverResults(options: WriteOptions, layout: CoverLayout): Map<number, (string | number)[]> {
  const entries = options.entries ?? {};
  const summary = summarize(OBJECTIVE_CODES.map((code) => ({ code, status: entries[code]?.status ?? null })));
  const line = (s: { score: number | null; assessed: number; applicable: number }) => [
    s.score ?? "",
    s.score === null ? "" : ratingLabel(s.score, options.lang),
    s.applicable === 0 ? "" : s.assessed / s.applicable,
    s.assessed,
    s.applicable,
  ];
  const out = new Map<number, (string | number)[]>();
  for (const d of summary.domains) out.set(layout.domainRows[d.domain], line(d));
  out.set(layout.overallRow, line(summary.overall));
  return out;
}

function addCover(wb: ExcelJS.Workbook, options: WriteOptions): void {
  const { lang } = options;
  const layout = coverLayout(lang, { city: options.city, period: options.period });
  const results = coverResults(options, layout);
  const ws = wb.addWorksheet(COVER_SHEET, { properties: { tabColor: { argb: argb(HEADER_FILL) } } });
  const formulaRows = new Set<number>([...Object.values(layout.domainRows), layout.overallRow]);
  layout.values.forEach((cells, r) => {
    const rowNumber = r + 1;
    cells.forEach((value, c) => {
      const cell = ws.getCell(rowNumber, c + 1);
      if (
        formulaRows.has(rowNumber) &&
        c + 1 >= layout.columns.score &&
        typeof value === "string" &&
        value.startsWith("=")
      ) {
        // Native formula, with its result as the core computes it (readers without an engine show it;
        // Excel and LibreOffice compute again on open).
        const result = results.get(rowNumber)![c + 1 - layout.columns.score]!;
        cell.value = { formula: fileFormula(value), result } as ExcelJS.CellFormulaValue;
      } else if (rowNumber === COVER.cityRow || rowNumber === COVER.periodRow) {
        setDataCell(cell, value);
        if (c + 1 === COVER.valueColumn) cell.numFmt = TEXT_FORMAT;
      } else if (value !== "") cell.value = value;
    });
  });
  for (const r of formulaRows) {
    ws.getCell(r, layout.columns.score).numFmt = SCORE_NUMBER_FORMAT;
    ws.getCell(r, layout.columns.coverage).numFmt = "0%";
  }
  ws.getCell(COVER.titleRow, 1).font = { bold: true, size: 16 };
  ws.getRow(COVER.summaryHeaderRow).font = { bold: true };
  ws.getRow(layout.overallRow).font = { bold: true };
  for (const r of [COVER.cityRow, COVER.periodRow, COVER.languageRow, COVER.frameworkRow, COVER.schemaRow]) {
    ws.getCell(r, 1).font = { bold: true };
  }
  ws.getCell(COVER.helpRow, 1).font = { bold: true };
  ws.getColumn(1).width = 48;
  for (let c = 2; c <= 6; c++) ws.getColumn(c).width = 14;
  ws.getColumn(2).width = 30;
  ws.pageSetup = { orientation: "portrait", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** The cached result of a Points formula over a status, as the core computes it (the domain sheets' rule). */
function pointsResult(status: unknown): string | number {
  const s = parseStatus(status ?? null);
  return s.kind === "level" ? s.points : s.kind === "na" ? "NA" : s.kind === "blank" ? "" : "?";
}

/** The history sheet and its table, as closing a period writes them: one row per period and objective. */
function addHistory(wb: ExcelJS.Workbook, lang: Lang, periods: readonly HistoryPeriod[]): void {
  const ws = wb.addWorksheet(HISTORY_SHEET);
  const body = historyBody(periods, 1);
  const pointsCol = HISTORY_COLUMN_INDEX.points;
  const statusCol = HISTORY_COLUMN_INDEX.status;
  ws.addTable({
    name: HISTORY_TABLE,
    displayName: HISTORY_TABLE,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: HISTORY_COLUMNS.map((c) => ({ name: c.header[lang], filterButton: true })),
    rows: body.map((r) =>
      r.map((v, c): ExcelJS.CellValue =>
        c === pointsCol
          ? ({ formula: fileFormula(String(v)), result: pointsResult(r[statusCol]) } as ExcelJS.CellFormulaValue)
          : v === ""
            ? null
            : v,
      ),
    ),
  } as ExcelJS.TableProperties);
  HISTORY_COLUMNS.forEach((spec, c) => {
    styleHeaderCell(ws.getCell(1, c + 1));
    ws.getColumn(c + 1).width = 14;
    body.forEach((r, i) => {
      const cell = ws.getCell(i + 2, c + 1);
      // the statuses and labels as typed, as text (never read as a formula or a number)
      if (c !== pointsCol && typeof r[c] === "string" && r[c] !== "") setDataCell(cell, r[c] as string);
      cell.numFmt = spec.numberFormat;
    });
  });
}

/** The cover's trend block over the history table, each formula with its result as the core computes it. */
function addTrend(ws: ExcelJS.Worksheet, lang: Lang, periods: readonly HistoryPeriod[]): void {
  const block = trendBlock(lang);
  const trend = periodTrend(periods);
  const { columns } = block;
  const resultOf = (slot: number, c: number): string | number => {
    const p = trend[slot];
    if (p === undefined) return "";
    if (c === columns.label) return p.label;
    if (c === columns.closedOn) return p.closedOn ?? 0; // INDEX of a blank cell gives 0
    if (c === columns.overall) return p.overall ?? "";
    if (c === columns.overallChange) return p.overallChange ?? "";
    const d = columns.domains.indexOf(c);
    if (d >= 0) return p.domains[d] ?? "";
    return p.domainChanges[columns.changes.indexOf(c)] ?? "";
  };
  block.values.forEach((line, i) => {
    const rowNumber = TREND.titleRow + i;
    line.forEach((v, c) => {
      const cell = ws.getCell(rowNumber, c + 1);
      if (i < 2) {
        if (v !== "") setDataCell(cell, String(v));
        cell.font = { bold: true };
        return;
      }
      cell.numFmt = block.formats[c]!;
      if (typeof v === "string" && v.startsWith("="))
        cell.value = { formula: fileFormula(v), result: resultOf(i - 2, c) } as ExcelJS.CellFormulaValue;
    });
  });
}

function addLists(wb: ExcelJS.Workbook, lang: Lang): void {
  const layout = listsSheetLayout(lang);
  const ws = wb.addWorksheet(LISTS_SHEET, { state: "hidden" });
  layout.values.forEach((cells, r) =>
    cells.forEach((value, c) => {
      if (value === "") return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value;
      if (typeof value === "string") cell.numFmt = TEXT_FORMAT;
    }),
  );
  for (const n of layout.names) wb.definedNames.add(n.ref.replace(/^=/, ""), n.name);
}

/** The status colours as ExcelJS rules: the layout's rules on the Points column, as the add-in adds them. */
function statusRules(firstRow: number, firstPriority: number): ExcelJS.ConditionalFormattingRule[] {
  return statusColorRules(firstRow).map((rule, i) => ({
    type: "expression",
    priority: firstPriority + i,
    formulae: [rule.formula.replace(/^=/, "")],
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
      font: { color: { argb: argb(rule.font) } },
    },
  }));
}

/** The highlight rule of one entry column (same row's Check cell), as the add-in adds it: first, stopping the others. */
function highlightRule(
  field: EntryField,
  lang: Lang,
  firstRow: number,
  priority: number,
): ExcelJS.ConditionalFormattingRule {
  return {
    type: "expression",
    priority,
    stopIfTrue: true,
    formulae: [highlightFormula(field, lang, firstRow).replace(/^=/, "")],
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(HIGHLIGHT.fill) } },
      font: { color: { argb: argb(HIGHLIGHT.font) } },
    },
  } as ExcelJS.ConditionalFormattingRule;
}

function addDomainSheet(wb: ExcelJS.Workbook, domain: DomainId, options: WriteOptions): void {
  const { lang } = options;
  const layout = domainSheetLayout(domain, lang);
  const ws = wb.addWorksheet(layout.name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}` }],
    pageSetup: {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  ws.getCell(1, 1).value = layout.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = layout.help;
  ws.getCell(2, 1).font = { italic: true };

  const entries = options.entries ?? {};
  const rows = layout.rows.map((cells) => {
    const code = String(cells[columnIndex("code")]);
    const entry = entries[code] ?? {};
    // The cached results of the Points and Check formulas, as the core computes them.
    const status = parseStatus(entry.status ?? null);
    const computed: Partial<Record<string, string | number>> = {
      points:
        status.kind === "level" ? status.points : status.kind === "na" ? "NA" : status.kind === "blank" ? "" : "?",
      check: checkColumnText(entry, lang, entryHeaders(lang)),
    };
    return COLUMNS.map((spec, c): ExcelJS.CellValue => {
      if (spec.kind === "computed") {
        return { formula: fileFormula(String(cells[c])), result: computed[spec.key]! } as ExcelJS.CellFormulaValue;
      }
      if (spec.kind === "entry") return entry[spec.key as EntryField] ?? null;
      return cells[c] === "" ? null : (cells[c] as string);
    });
  });

  ws.addTable({
    name: layout.table,
    displayName: layout.table,
    ref: `A${HEADER_ROW}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: false },
    columns: layout.headers.map((name) => ({ name, filterButton: true })),
    rows,
  } as ExcelJS.TableProperties);

  // Entry values are data: strings go in as text (the table stored them as given; re-set to apply "@").
  const header = ws.getRow(HEADER_ROW);
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  COLUMNS.forEach((spec, c) => {
    const col = ws.getColumn(c + 1);
    // ExcelJS drops a width of exactly 9 (its default), leaving Excel's 8.43: nudge it so it is written.
    col.width = spec.width === 9 ? 9.01 : spec.width;
    styleHeaderCell(header.getCell(c + 1));
    const alignment: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: spec.wrap };
    const protection: Partial<ExcelJS.Protection> = { locked: spec.kind !== "entry" };
    const fill: ExcelJS.Fill | undefined =
      spec.kind === "catalogue"
        ? { type: "pattern", pattern: "solid", fgColor: { argb: argb(CATALOGUE_FILL) } }
        : undefined;
    for (let r = layout.firstRow; r <= layout.lastRow; r++) {
      const cell = ws.getCell(r, c + 1);
      const value = rows[r - layout.firstRow]![c];
      if (spec.kind === "entry") setDataCell(cell, value as RawEntry[EntryField]);
      if (!(spec.kind === "entry" && typeof value === "string")) cell.numFmt = spec.numberFormat;
      cell.alignment = alignment;
      cell.protection = protection;
      if (fill) cell.fill = fill;
    }
    if (spec.kind === "entry" && (spec.validation !== undefined || spec.prompt !== undefined)) {
      // One rule per column range (relative references are relative to its first cell, as in Excel).
      // Not per cell: ExcelJS 4.4 merges per-cell rules into overlapping ranges when rows pass 9.
      const letter = columnLetter(c);
      validations.add(
        `${letter}${layout.firstRow}:${letter}${layout.lastRow}`,
        dataValidation(spec, layout.firstRow, lang),
      );
    }
  });

  // Highlight rules first (priority 1..11, each stops the others), then the status colours.
  ENTRY_FIELDS.forEach((field, i) => {
    const letter = columnLetter(columnIndex(field));
    ws.addConditionalFormatting({
      ref: `${letter}${layout.firstRow}:${letter}${layout.lastRow}`,
      rules: [highlightRule(field, lang, layout.firstRow, i + 1)],
    });
  });
  const status = columnLetter(columnIndex("status"));
  ws.addConditionalFormatting({
    ref: `${status}${layout.firstRow}:${status}${layout.lastRow}`,
    rules: statusRules(layout.firstRow, ENTRY_FIELDS.length + 1),
  });

  void ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: PROTECTION_OPTIONS.allowFormatCells,
    formatColumns: PROTECTION_OPTIONS.allowFormatColumns,
    formatRows: PROTECTION_OPTIONS.allowFormatRows,
    insertRows: PROTECTION_OPTIONS.allowInsertRows,
    deleteRows: PROTECTION_OPTIONS.allowDeleteRows,
    sort: PROTECTION_OPTIONS.allowSort,
    autoFilter: PROTECTION_OPTIONS.allowAutoFilter,
  });
}

/** The LIAT workbook as an ExcelJS workbook (all six domains, in the chosen language). */
function buildLiatWorkbook(options: WriteOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "LIAT";
  wb.title = text(options.lang, "workbook:cover.title");
  wb.subject = "LIAT";
  // ExcelJS cannot write custom document properties: the schema version also goes in the keywords
  // (and, authoritatively, in the lists sheet).
  wb.keywords = `${SCHEMA_PROPERTY}=${SCHEMA_VERSION}`;
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  wb.calcProperties = { fullCalcOnLoad: true };
  addCover(wb, options);
  for (const d of DOMAIN_IDS) addDomainSheet(wb, d, options);
  addLists(wb, options.lang);
  if (options.history && options.history.length > 0) {
    addHistory(wb, options.lang, options.history);
    addTrend(wb.getWorksheet(COVER_SHEET)!, options.lang, options.history);
  }
  return wb;
}

/** The LIAT workbook as .xlsx bytes. */
export async function writeLiatWorkbook(options: WriteOptions): Promise<Buffer> {
  const data = await buildLiatWorkbook(options).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
