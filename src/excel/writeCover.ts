/** Queues the cover sheet: settings, help, and the summary computed with native formulas (no sync here). */
import { columnLetter } from "../core/a1";
import type { DomainId } from "../core/catalogueTypes";
import type { Lang } from "../core/language";
import { COVER, DOMAIN_IDS, coverLayout, type PointsRef } from "../core/layout";
import { SCORE_NUMBER_FORMAT } from "../core/scoreDisplay";

export interface CoverOptions {
  lang: Lang;
  /** Settings to write; undefined keeps what the sheet has. */
  city?: string;
  period?: string;
  /** Where each present domain's Points column is; absent domains get an empty summary line. */
  refs: Partial<Record<DomainId, PointsRef>>;
  /** True for a new sheet (everything written), false to rewrite only the settings given and the summary. */
  fresh: boolean;
}

/** Settings cells are text: a city named "=1+1" stays that text. */
export function queueSettingCell(ws: Excel.Worksheet, row: number, value: string): void {
  const cell = ws.getRange(`${columnLetter(COVER.valueColumn - 1)}${row}`);
  cell.numberFormat = [["@"]];
  cell.values = [[value]];
}

export function queueCover(ws: Excel.Worksheet, o: CoverOptions): void {
  const layout = coverLayout(o.lang, {}, o.refs);
  const width = layout.values[0]!.length;
  const last = columnLetter(width - 1);
  const headTo = COVER.summaryHeaderRow - 1;
  if (o.fresh) {
    const head = ws.getRange(`A1:${last}${headTo}`);
    head.numberFormat = layout.values.slice(0, headTo).map((r) => r.map(() => "@"));
    head.values = layout.values.slice(0, headTo).map((r) => r.map((v) => (typeof v === "number" ? String(v) : v)));
    ws.getRange("A1").format.font.bold = true;
    ws.getRange("A1").format.font.size = 16;
    ws.getRange(`A${COVER.helpRow}`).format.font.bold = true;
    ws.getRange("A:A").format.columnWidth = 190;
    ws.getRange(`B:${last}`).format.columnWidth = 80;
  } else {
    // Labels, language, framework and schema version are the add-in's; city and period are the user's.
    const keep = new Set([COVER.cityRow - 1, COVER.periodRow - 1]);
    layout.values.slice(0, headTo).forEach((r, i) => {
      if (keep.has(i)) return;
      const row = ws.getRange(`A${i + 1}:${last}${i + 1}`);
      row.numberFormat = [r.map(() => "@")];
      row.values = [r.map((v) => (typeof v === "number" ? String(v) : v))];
    });
  }
  if (o.city !== undefined) queueSettingCell(ws, COVER.cityRow, o.city);
  if (o.period !== undefined) queueSettingCell(ws, COVER.periodRow, o.period);
  // Schema version as a number (the cover formula-free cells above are text).
  const schema = ws.getRange(`${columnLetter(COVER.valueColumn - 1)}${COVER.schemaRow}`);
  schema.numberFormat = [["0"]];
  schema.values = [[layout.values[COVER.schemaRow - 1]![COVER.valueColumn - 1]!]];

  const summary = layout.values.slice(COVER.summaryHeaderRow - 1, layout.overallRow);
  const formulas = summary.map((r, i) => {
    const sheetRow = COVER.summaryHeaderRow + i;
    const domain = DOMAIN_IDS.find((d) => layout.domainRows[d] === sheetRow);
    if (domain !== undefined && o.refs[domain] === undefined) return r.map((v, j) => (j === 0 ? v : ""));
    return r;
  });
  const block = ws.getRange(`A${COVER.summaryHeaderRow}:${last}${layout.overallRow}`);
  block.numberFormat = formulas.map((r, i) =>
    r.map((_, j) =>
      i === 0 || j === 0
        ? "@"
        : j === layout.columns.rating - 1
          ? "General"
          : j === layout.columns.score - 1
            ? SCORE_NUMBER_FORMAT
            : j === layout.columns.coverage - 1
              ? "0%"
              : "0",
    ),
  );
  block.formulas = formulas;
  ws.getRange(`A${COVER.summaryHeaderRow}:${last}${COVER.summaryHeaderRow}`).format.font.bold = true;
  ws.getRange(`A${layout.overallRow}:${last}${layout.overallRow}`).format.font.bold = true;
}
