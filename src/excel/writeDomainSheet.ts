/** Queues everything a domain sheet needs (no sync here): table, formats, validation, colours, protection. */
import { columnLetter } from "../core/a1";
import type { DomainId } from "../core/catalogueTypes";
import { ENTRY_FIELDS, type EntryField } from "../core/entrySchema";
import type { Lang } from "../core/language";
import {
  COLUMNS,
  HEADER_ROW,
  HIGHLIGHT,
  PROTECTION_OPTIONS,
  CATALOGUE_FILL,
  TABLE_STYLE,
  ROW_TOKEN,
  columnIndex,
  domainSheetLayout,
  highlightFormula,
  statusColorRules,
  widthInPoints,
  type ColumnSpec,
  type ValidationSpec,
} from "../core/layout";

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The Excel data validation rule of a layout spec; `firstRow` fills the {row} token. */
export function validationRule(spec: ValidationSpec, firstRow: number): Excel.DataValidationRule {
  const f1 = (f: string) => f.split(ROW_TOKEN).join(String(firstRow));
  switch (spec.type) {
    case "list":
      return { list: { inCellDropDown: true, source: spec.source } };
    case "date":
      return {
        date: { operator: capitalize(spec.operator) as Excel.DataValidationOperator, formula1: f1(spec.formula1) },
      };
    case "wholeNumber":
      return {
        wholeNumber: {
          operator: capitalize(spec.operator) as Excel.DataValidationOperator,
          formula1: f1(spec.formula1),
        },
      };
    case "decimal":
      return {
        decimal: { operator: capitalize(spec.operator) as Excel.DataValidationOperator, formula1: f1(spec.formula1) },
      };
    case "textLength":
      return {
        textLength: {
          operator: capitalize(spec.operator) as Excel.DataValidationOperator,
          formula1: f1(spec.formula1),
        },
      };
  }
}

/** Native validation, input and error messages on one column's data cells. */
export function queueColumnValidation(range: Excel.Range, c: ColumnSpec, lang: Lang, firstRow: number): void {
  if (!c.validation && !c.prompt) return;
  const dv = range.dataValidation;
  if (c.validation) dv.rule = validationRule(c.validation, firstRow);
  else dv.rule = { custom: { formula: "=TRUE" } };
  dv.ignoreBlanks = true;
  if (c.prompt) dv.prompt = { showPrompt: true, title: c.prompt.title[lang], message: c.prompt.message[lang] };
  if (c.error)
    dv.errorAlert = {
      showAlert: true,
      style: "Stop" as Excel.DataValidationAlertStyle,
      title: c.error.title[lang],
      message: c.error.message[lang],
    };
  else dv.errorAlert = { showAlert: false, style: "Stop" as Excel.DataValidationAlertStyle, title: "", message: "" };
}

/** Where a table's columns are (0-based sheet columns), for its conditional formats. */
export interface RuleColumns {
  status: number;
  points: number;
  check: number;
  /** The entry columns the table has. */
  entries: Partial<Record<EntryField, number>>;
}

/**
 * Status colours (by the Points column) and one highlight rule per entry column (by the Check column,
 * same row, same sheet) over rows first..last. Nothing here is ever written again on an edit.
 */
export function queueConditionalFormats(
  ws: Excel.Worksheet,
  lang: Lang,
  columns: RuleColumns,
  firstRow: number,
  lastRow: number,
): void {
  const column = (c: number) => ws.getRange(`${columnLetter(c)}${firstRow}:${columnLetter(c)}${lastRow}`);
  const status = column(columns.status);
  for (const rule of statusColorRules(firstRow, columnLetter(columns.points))) {
    const cf = status.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = rule.formula;
    cf.custom.format.fill.color = rule.fill;
    cf.custom.format.font.color = rule.font;
  }
  // Added after the status colours, so it comes first: an invalid status shows red whatever its colour.
  for (const field of ENTRY_FIELDS) {
    const c = columns.entries[field];
    if (c === undefined) continue;
    const cf = column(c).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = highlightFormula(field, lang, firstRow, columnLetter(columns.check));
    cf.custom.format.fill.color = HIGHLIGHT.fill;
    cf.custom.format.font.color = HIGHLIGHT.font;
    cf.stopIfTrue = true;
  }
}

/** Builds a new domain sheet's content on `ws` (just added, empty). Returns nothing: all is queued. */
export function queueDomainSheet(ws: Excel.Worksheet, domain: DomainId, lang: Lang, table: string): void {
  const layout = domainSheetLayout(domain, lang);
  const { firstRow, lastRow } = layout;
  const last = columnLetter(COLUMNS.length - 1);
  const title = ws.getRange("A1");
  title.values = [[layout.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  const help = ws.getRange("A2");
  help.values = [[layout.help]];
  help.format.font.italic = true;

  const header = ws.getRange(`A${HEADER_ROW}:${last}${HEADER_ROW}`);
  header.numberFormat = [COLUMNS.map(() => "@")];
  header.values = [layout.headers];
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.verticalAlignment = "Top" as Excel.VerticalAlignment;

  // Number formats first, so that codes and texts are stored as text, never read as numbers or formulas.
  const body = ws.getRange(`A${firstRow}:${last}${lastRow}`);
  body.numberFormat = layout.rows.map(() => COLUMNS.map((c) => c.numberFormat));
  body.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
  // The catalogue columns come first.
  const catalogueColumns = COLUMNS.filter((c) => c.kind === "catalogue").length;
  const catalogue = ws.getRange(`A${firstRow}:${columnLetter(catalogueColumns - 1)}${lastRow}`);
  catalogue.values = layout.rows.map((r) => r.slice(0, catalogueColumns));
  catalogue.format.fill.color = CATALOGUE_FILL;
  // The computed columns (Points, Check) come last, side by side.
  const pts = columnIndex("points");
  const check = columnIndex("check");
  const computed = ws.getRange(`${columnLetter(pts)}${firstRow}:${columnLetter(check)}${lastRow}`);
  computed.formulas = layout.rows.map((r) => r.slice(pts, check + 1) as string[]);

  const t = ws.tables.add(`A${HEADER_ROW}:${last}${lastRow}`, true);
  t.name = table;
  t.style = TABLE_STYLE;
  t.showBandedRows = false;

  const entryCols = COLUMNS.map((c, i) => ({ c, i })).filter((x) => x.c.kind === "entry");
  const entryFirst = entryCols[0]!.i;
  const entryLast = entryCols[entryCols.length - 1]!.i;
  ws.getRange(`${columnLetter(entryFirst)}${firstRow}:${columnLetter(entryLast)}${lastRow}`).format.protection.locked =
    false;

  COLUMNS.forEach((c, i) => {
    const letter = columnLetter(i);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(c.width);
    const data = ws.getRange(`${letter}${firstRow}:${letter}${lastRow}`);
    if (c.wrap) data.format.wrapText = true;
    if (c.kind === "entry") queueColumnValidation(data, c, lang, firstRow);
  });

  const entries: Partial<Record<EntryField, number>> = {};
  for (const f of ENTRY_FIELDS) entries[f] = columnIndex(f);
  queueConditionalFormats(ws, lang, { status: columnIndex("status"), points: pts, check, entries }, firstRow, lastRow);

  ws.freezePanes.freezeRows(HEADER_ROW);
  ws.pageLayout.orientation = "Landscape" as Excel.PageOrientation;
  ws.pageLayout.setPrintTitleRows(`$${HEADER_ROW}:$${HEADER_ROW}`);
  ws.protection.protect(PROTECTION_OPTIONS);
}
