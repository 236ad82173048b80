/** Helpers for the src/excel tests: a host installed as the global Excel, a v1 workbook, value snapshots. */
import { OBJECTIVES, objectivesOfDomain } from "../../src/core/catalogue";
import type { DomainId } from "../../src/core/catalogueTypes";
import type { Lang } from "../../src/core/language";
import {
  COLUMNS,
  COVER,
  DOMAIN_IDS,
  HIGHLIGHT,
  LEGACY_FLAGS_SHEET,
  LISTS_SHEET,
  PROTECTION_OPTIONS,
  SCHEMA_PROPERTY,
  catalogueCells,
  columnIndex,
  columnLetter,
  domainSheetName,
  tableName,
  type ColumnKey,
} from "../../src/core/layout";
import { CURRENCIES } from "../../src/core/currencies";
import { statusLabels } from "../../src/core/status";
import { forgetSheets } from "../../src/excel/snapshot";
import { insertLiat } from "../../src/excel/workbookOperations";
import { createHost, type LiatHost } from "../../tooling/excel-host/excelHost";

export function newHost(sheets?: string[]): LiatHost {
  const host = createHost(sheets ? { sheets } : {});
  host.install(globalThis);
  forgetSheets();
  return host;
}

/** Every value of every sheet (what "nothing changed" compares). */
export function allValues(host: LiatHost): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const s of host.getSnapshot().sheets) out[s.name] = s.values;
  return out;
}

/** Runs a batch directly against the host (as a test would in Excel). */
export async function run(host: LiatHost, batch: (wb: Excel.Workbook) => void): Promise<void> {
  await host.Excel.run(async (context) => {
    batch((context as unknown as Excel.RequestContext).workbook);
    await context.sync();
  });
}

/** The columns of the first layout (schema version 1): no Points column. */
export const V1_COLUMNS = COLUMNS.filter((c) => c.kind !== "computed");

/**
 * A workbook as version 1 of the add-in made it: cover with schema version 1, a lists sheet with
 * only the status and currency lists (names LIAT_Status, LIAT_Currency; no LIAT_StatusKey or
 * LIAT_StatusPoints), domain sheets with one table each and no Points column, no flags sheet.
 */
export async function buildV1Workbook(
  host: LiatHost,
  lang: Lang,
  entries: Record<string, Partial<Record<string, string | number>>> = {},
  options: { password?: string } = {},
): Promise<void> {
  await run(host, (wb) => {
    const cover = wb.worksheets.add("LIAT");
    cover.getRange("A1:B7").values = [
      [lang === "fr" ? "Outil d'action locale pour l'inclusion (LIAT)" : "Local Inclusion Action Tool (LIAT)", ""],
      ["", ""],
      [lang === "fr" ? "Ville" : "City", "Lyon"],
      [lang === "fr" ? "Période de référence" : "Reporting period", "2024"],
      [lang === "fr" ? "Langue" : "Language", lang],
      ["Framework", "LIAT v1 (draft)"],
      ["Schema", 1],
    ];
    const lists = wb.worksheets.add("LIAT_Lists");
    const statuses = statusLabels(lang);
    const rows = Math.max(statuses.length, CURRENCIES.length) + 1;
    const values = Array.from({ length: rows }, (_, i) => [
      i === 0 ? "Status" : (statuses[i - 1] ?? ""),
      "",
      i === 0 ? "Currency" : (CURRENCIES[i - 1] ?? ""),
      "",
      i === 0 ? "Setting" : i === 1 ? SCHEMA_PROPERTY : "",
      i === 0 ? "Value" : i === 1 ? 1 : "",
    ]);
    lists.getRange(`A1:F${rows}`).numberFormat = values.map((r) => r.map(() => "@"));
    lists.getRange(`A1:F${rows}`).values = values;
    lists.getRange(`F2`).numberFormat = [["General"]];
    lists.getRange(`F2`).values = [[1]];
    wb.names.add("LIAT_Status", `=LIAT_Lists!$A$2:$A$${statuses.length + 1}`);
    wb.names.add("LIAT_Currency", `=LIAT_Lists!$C$2:$C$${CURRENCIES.length + 1}`);
    for (const d of DOMAIN_IDS) {
      const ws = wb.worksheets.add(domainSheetName(d, lang));
      const objectives = objectivesOfDomain(d);
      const last = columnLetter(V1_COLUMNS.length - 1);
      ws.getRange(`A4:${last}4`).values = [V1_COLUMNS.map((c) => c.header[lang])];
      const body = ws.getRange(`A5:${last}${4 + objectives.length}`);
      body.numberFormat = objectives.map(() => V1_COLUMNS.map((c) => c.numberFormat));
      body.values = objectives.map((o) => {
        const cat = catalogueCells(o, lang) as Record<string, string>;
        const e = entries[o.code] ?? {};
        return V1_COLUMNS.map((c) => (c.kind === "catalogue" ? cat[c.key]! : (e[c.key] ?? "")));
      });
      const t = ws.tables.add(`A4:${last}${4 + objectives.length}`, true);
      t.name = tableName(d);
      ws.getRange(`F5:${last}${4 + objectives.length}`).format.protection.locked = false;
      ws.protection.protect({ allowFormatCells: true }, options.password);
    }
  });
}

/** True when the cell shows the highlight: the host's conditional formats, evaluated, paint it with HIGHLIGHT. */
export function isHighlighted(host: LiatHost, sheet: string, address: string): boolean {
  const look = host.conditionalFormatAt(sheet, address);
  return look?.fill === HIGHLIGHT.fill && look.font === HIGHLIGHT.font;
}

export function codesOf(domain: DomainId): string[] {
  return objectivesOfDomain(domain).map((o) => o.code);
}

export const ALL_CODES = OBJECTIVES.map((o) => o.code);

/** Version 2's Points formula: the status looked up with MATCH over the key list (`*`, `?`, `~` read as wildcards). */
export const v2PointsFormula = (row: number) =>
  `=IF(TRIM(F${row})="","",IFERROR(INDEX(LIAT_StatusPoints,MATCH(TRIM(F${row}),LIAT_StatusKey,0)),"?"))`;

/**
 * A workbook as version 2 of the add-in made it: schema version 2 (document property, cover, lists sheet), domain
 * tables with the Points column in its MATCH form and no Check column, no highlight rule of their own, and the hidden
 * flags sheet the add-in wrote 1s into on every edit. Statuses and other entries as given (strings as text).
 */
export async function buildV2Workbook(
  host: LiatHost,
  lang: Lang,
  entries: Record<string, Partial<Record<string, string | number | boolean>>> = {},
): Promise<void> {
  await insertLiat({ lang, city: "Lyon", period: "2024" });
  const check = columnLetter(columnIndex("check"));
  const points = columnLetter(columnIndex("points"));
  await run(host, (wb) => {
    for (const d of DOMAIN_IDS) {
      const ws = wb.worksheets.getItem(domainSheetName(d, lang));
      ws.protection.unprotect();
      const codes = objectivesOfDomain(d).map((o) => o.code);
      const last = 4 + codes.length;
      ws.getRange(`A5:${check}${last}`).conditionalFormats.clearAll();
      wb.tables.getItem(tableName(d)).resize(ws.getRange(`A4:${points}${last}`));
      ws.getRange(`${check}4:${check}${last}`).clear("All");
      ws.getRange(`${points}5:${points}${last}`).formulas = codes.map((_, i) => [v2PointsFormula(5 + i)]);
      codes.forEach((code, i) => {
        for (const [key, value] of Object.entries(entries[code] ?? {})) {
          const cell = ws.getRange(`${columnLetter(columnIndex(key as ColumnKey))}${5 + i}`);
          if (typeof value === "string") cell.numberFormat = [["@"]];
          cell.values = [[value]];
        }
      });
      ws.protection.protect(PROTECTION_OPTIONS);
    }
    wb.properties.custom.add(SCHEMA_PROPERTY, 2);
    wb.worksheets.getItem("LIAT").getRange(`B${COVER.schemaRow}`).values = [[2]];
    wb.worksheets.getItem(LISTS_SHEET).getRange("O2").values = [[2]];
    const flags = wb.worksheets.add(LEGACY_FLAGS_SHEET);
    flags.getRange("A1:B1").values = [[1, 1]];
    flags.visibility = "Hidden" as Excel.SheetVisibility;
  });
}
