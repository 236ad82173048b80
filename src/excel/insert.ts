/**
 * Inserts the LIAT sheets: cover, one sheet per policy domain, hidden lists and flags sheets. Never
 * overwrites: a domain that already has a LIAT table (found by its header row, whatever the sheet is
 * called) is kept as is; only missing domains are added. A workbook of an older schema version is
 * upgraded in place, every entry kept. At most 3 syncs (2 reads, 1 write) whatever the number of
 * objectives; 2 when the session already knows the workbook's sheets.
 */
import { columnLetter } from "../core/a1";
import type { DomainId } from "../core/catalogueTypes";
import { ENTRY_FIELDS } from "../core/entrySchema";
import { LANGUAGES, type Lang } from "../core/language";
import {
  COVER_SHEET,
  DOMAIN_IDS,
  FLAGS_SHEET,
  LISTS_SHEET,
  PROTECTION_OPTIONS,
  SCHEMA_PROPERTY,
  SCHEMA_VERSION,
  coverLayout,
  domainSheetLayout,
  domainSheetName,
  pointsFormula,
  tableName,
  type PointsRef,
} from "../core/layout";
import { liatError } from "./liatError";
import { explainRefusedUnprotect, queueUnprotect } from "./protection";
import { isSetSupported } from "./requirements";
import { runExcel } from "./excelApi";
import { dataRows, findSheet, firstTableOfDomain, scanTables, schemaVersionOf } from "./scan";
import { loadSnapshot, rememberSheets, type SheetGrid, type Snapshot } from "./snapshot";
import type { InsertOptions, InsertResult, TableRead } from "./types";
import { queueCover } from "./writeCover";
import { queueConditionalFormats, queueDomainSheet } from "./writeDomainSheet";
import { queueListNames, queueListsSheet } from "./writeLists";

const COVER_TITLES = new Set(LANGUAGES.map((l) => String(coverLayout(l).values[0]![0]).toLowerCase()));

function isBlankGrid(g: SheetGrid): boolean {
  return g.values.every((r) => r.every((v) => v === "" || v === null || v === undefined));
}

function isCover(g: SheetGrid): boolean {
  return (
    isBlankGrid(g) || (g.top === 0 && g.left === 0 && COVER_TITLES.has(String(g.values[0]?.[0] ?? "").toLowerCase()))
  );
}

function isLists(g: SheetGrid): boolean {
  return isBlankGrid(g) || g.values.some((r) => r.includes(SCHEMA_PROPERTY));
}

/** Where a table's Points column (sheet column `col`) is, with the table's data rows (1-based). */
function pointsRef(t: TableRead, col: number): PointsRef {
  const { r0, r1 } = dataRows(t);
  return { sheet: t.sheet, column: columnLetter(col), firstRow: r0 + 1, lastRow: r1 + 1 };
}

function uniqueTableName(base: string, snapshot: Snapshot): string {
  const taken = new Set([
    ...snapshot.tables.map((t) => t.name.toLowerCase()),
    ...snapshot.names.map((n) => n.name.toLowerCase()),
  ]);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

export async function insertLiat(options: InsertOptions): Promise<InsertResult> {
  const lang = options.lang;
  const wanted = [...new Set(options.domains ?? DOMAIN_IDS)].sort();
  let subject = "";
  return runExcel(
    async (b) => {
      const snapshot = await loadSnapshot(b);
      const tables = scanTables(snapshot);
      const version = schemaVersionOf(snapshot, tables);
      if (version !== null && version > SCHEMA_VERSION) throw liatError("newerSchema", String(version));
      const upgrading = version !== null && version < SCHEMA_VERSION;

      const byDomain = firstTableOfDomain(tables);

      // Everything that could stop the insert is checked before anything is queued: nothing half-done.
      const cover = findSheet(snapshot, COVER_SHEET);
      if (cover && !isCover(cover)) throw liatError("sheetNameTaken", cover.name);
      const lists = findSheet(snapshot, LISTS_SHEET);
      if (lists && !isLists(lists)) throw liatError("sheetNameTaken", lists.name);
      const flags = findSheet(snapshot, FLAGS_SHEET);
      const toCreate = wanted.filter((d) => !byDomain.has(d));
      for (const d of toCreate) {
        const clash = findSheet(snapshot, domainSheetName(d, lang));
        if (clash) throw liatError("sheetNameTaken", clash.name);
      }
      const toUpgrade = upgrading
        ? [...byDomain.values()].filter((t) => t.columns.points === undefined && t.columns.status !== undefined)
        : [];
      const touched = [...(cover ? [cover] : []), ...toUpgrade.map((t) => findSheet(snapshot, t.sheet)!)];

      const wb = b.context.workbook;
      queueUnprotect(b, touched);
      const sheets = wb.worksheets;
      const created: string[] = [];
      const newSheets: Excel.Worksheet[] = [];
      const add = (name: string) => {
        const ws = sheets.add(name);
        ws.load("id");
        newSheets.push(ws);
        created.push(name);
        return ws;
      };

      const coverWs = cover ? sheets.getItem(cover.id) : add(COVER_SHEET);
      if (cover?.protected) coverWs.protection.unprotect();
      const listsWs = lists ? sheets.getItem(lists.id) : add(LISTS_SHEET);
      if (lists?.protected) listsWs.protection.unprotect();
      queueListsSheet(listsWs, lang, lists !== undefined);
      queueListNames(wb.names, lang, snapshot.names);
      const flagsWs = flags ? sheets.getItem(flags.id) : add(FLAGS_SHEET);

      const refs: Partial<Record<DomainId, PointsRef>> = {};
      // Upgrade: a version 1 table gets its Points column, status colours and highlight rule; entries untouched.
      for (const t of toUpgrade) {
        subject = t.sheet;
        const grid = findSheet(snapshot, t.sheet)!;
        const ws = sheets.getItem(grid.id);
        if (grid.protected) ws.protection.unprotect();
        const headerCells = grid.values[t.headerRow - grid.top] ?? [];
        let right = -1;
        headerCells.forEach((v, i) => {
          if (v !== "" && v !== null && v !== undefined) right = i + grid.left;
        });
        const col = right + 1;
        const ref = pointsRef(t, col);
        const { column: letter, firstRow, lastRow } = ref;
        const status = columnLetter(t.columns.status!);
        if (t.table) {
          // the table takes in the Points column (Table.resize is ExcelApi 1.13; before it, a column is added)
          const table = wb.tables.getItem(t.table);
          if (isSetSupported("ExcelApi", "1.13")) table.resize(table.getRange().getResizedRange(0, 1));
          else table.columns.add(undefined, undefined, "Points");
        }
        ws.getRange(`${letter}${t.headerRow + 1}`).values = [["Points"]];
        const pts = ws.getRange(`${letter}${firstRow}:${letter}${lastRow}`);
        pts.numberFormat = Array.from({ length: lastRow - firstRow + 1 }, () => ["0"]);
        pts.formulas = Array.from({ length: lastRow - firstRow + 1 }, (_, i) => [pointsFormula(firstRow + i, status)]);
        const domain = t.domain!; // tables of byDomain have one
        const entryCols = ENTRY_FIELDS.flatMap((f) => t.columns[f] ?? []);
        queueConditionalFormats(
          ws,
          domain,
          {
            status: t.columns.status!,
            points: col,
            entryFirst: Math.min(...entryCols),
            entryLast: Math.max(...entryCols),
          },
          firstRow,
          lastRow,
        );
        if (grid.protected) ws.protection.protect(PROTECTION_OPTIONS);
        refs[domain] = ref;
      }
      for (const [d, t] of byDomain) if (t.columns.points !== undefined) refs[d] ??= pointsRef(t, t.columns.points);

      subject = "";
      for (const d of toCreate) {
        const name = domainSheetName(d, lang);
        subject = name;
        const ws = add(name);
        queueDomainSheet(ws, d, lang, uniqueTableName(tableName(d), snapshot));
        const l = domainSheetLayout(d, lang);
        refs[d] = { sheet: name, column: columnLetter(l.headers.length - 1), firstRow: l.firstRow, lastRow: l.lastRow };
      }
      subject = COVER_SHEET;
      queueCover(coverWs, {
        lang,
        refs,
        fresh: cover === undefined || isBlankGrid(cover),
        ...(options.city !== undefined || cover === undefined ? { city: options.city ?? "" } : {}),
        ...(options.period !== undefined || cover === undefined ? { period: options.period ?? "" } : {}),
      });
      wb.properties.custom.add(SCHEMA_PROPERTY, SCHEMA_VERSION);
      listsWs.visibility = "Hidden" as Excel.SheetVisibility;
      flagsWs.visibility = "Hidden" as Excel.SheetVisibility;
      coverWs.activate();
      subject = "";
      try {
        await b.sync();
      } catch (error) {
        await explainRefusedUnprotect(b, touched, PROTECTION_OPTIONS, error);
      }
      rememberSheets([...snapshot.sheets.map((s) => s.id), ...newSheets.map((s) => s.id)]);
      const kept = [...byDomain.values()].filter((t) => wanted.includes(t.domain!)).map((t) => t.sheet);
      return { created, kept, ...(upgrading ? { upgradedFrom: version! } : {}), syncs: b.syncs };
    },
    () => subject,
  );
}
