/**
 * Inserts the LIAT sheets: cover, one sheet per policy domain, hidden lists sheet. Never
 * overwrites: a domain that already has a LIAT table (found by its header row, whatever the sheet is
 * called) is kept as is; only missing domains are added. A workbook of an older schema version is
 * upgraded in place, every entry kept (version 1 gets the Points column, version 2's Points formulas are
 * rewritten to the current status rule; versions 1 and 2 get the Check column and the native highlight rules, and
 * lose the flags sheet version 2 wrote into). At most 3 syncs (2 reads, 1 write) whatever the number of
 * objectives; 2 when the session already knows the workbook's sheets.
 */
import { columnLetter } from "../core/a1";
import type { DomainId } from "../core/catalogueTypes";
import { ENTRY_FIELDS, type EntryField } from "../core/entrySchema";
import { LANGUAGES } from "../core/language";
import {
  COLUMNS,
  COVER_SHEET,
  DOMAIN_IDS,
  LEGACY_FLAGS_SHEET,
  LISTS_SHEET,
  PROTECTION_OPTIONS,
  SCHEMA_PROPERTY,
  SCHEMA_VERSION,
  checkFormula,
  columnIndex,
  coverLayout,
  defaultLetters,
  domainSheetLayout,
  domainSheetName,
  pointsFormula,
  tableName,
  widthInPoints,
  type PointsRef,
  type RowLetters,
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
  return g.used === null;
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
      const flags = findSheet(snapshot, LEGACY_FLAGS_SHEET);
      const toCreate = wanted.filter((d) => !byDomain.has(d));
      for (const d of toCreate) {
        const clash = findSheet(snapshot, domainSheetName(d, lang));
        if (clash) throw liatError("sheetNameTaken", clash.name);
      }
      const toUpgrade = upgrading
        ? [...byDomain.values()].filter((t) => t.columns.check === undefined && t.columns.status !== undefined)
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
      // Version 2 highlighted through a flags sheet the add-in wrote on every edit: the rules below replace it.
      if (upgrading && flags) sheets.getItem(flags.id).delete();

      const refs: Partial<Record<DomainId, PointsRef>> = {};
      // Upgrade: Points (version 1) and Check columns added at the table's right, status colours and
      // highlight rules made again over the table's rows; entries untouched.
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
        const pointsCol = t.columns.points ?? right + 1;
        const checkCol = Math.max(right, pointsCol) + 1;
        const added = (t.columns.points === undefined ? 1 : 0) + 1;
        const ref = pointsRef(t, pointsCol);
        const { firstRow, lastRow } = ref;
        const rows = lastRow - firstRow + 1;
        const letters = defaultLetters();
        for (const k of Object.keys(letters) as (keyof RowLetters)[]) {
          const c = k === "points" ? pointsCol : t.columns[k];
          // A deleted entry column reads as blank (its absence is reported at the header).
          letters[k] = c === undefined ? "" : columnLetter(c);
        }
        const status = letters.status;
        const checkHeader = COLUMNS[columnIndex("check")]!.header[lang];
        if (t.table) {
          // the table takes in the new columns (Table.resize is ExcelApi 1.13; before it, columns are added)
          const table = wb.tables.getItem(t.table);
          if (isSetSupported("ExcelApi", "1.13")) table.resize(table.getRange().getResizedRange(0, added));
          else {
            if (t.columns.points === undefined) table.columns.add(undefined, undefined, "Points");
            table.columns.add(undefined, undefined, checkHeader);
          }
        }
        // The Points formulas are (re)written: version 1 had none, version 2's looked the status up with MATCH over
        // the key list as it was (wildcards read as such), so they follow the current lists and rules.
        const letter = columnLetter(pointsCol);
        if (t.columns.points === undefined) ws.getRange(`${letter}${t.headerRow + 1}`).values = [["Points"]];
        const pts = ws.getRange(`${letter}${firstRow}:${letter}${lastRow}`);
        pts.numberFormat = Array.from({ length: rows }, () => ["0"]);
        pts.formulas = Array.from({ length: rows }, (_, i) => [pointsFormula(firstRow + i, status)]);
        const checkLetter = columnLetter(checkCol);
        ws.getRange(`${checkLetter}${t.headerRow + 1}`).values = [[checkHeader]];
        const check = ws.getRange(`${checkLetter}${firstRow}:${checkLetter}${lastRow}`);
        check.numberFormat = Array.from({ length: rows }, () => ["General"]);
        check.format.wrapText = true;
        check.formulas = Array.from({ length: rows }, (_, i) => [checkFormula(firstRow + i, lang, letters)]);
        ws.getRange(`${checkLetter}:${checkLetter}`).format.columnWidth = widthInPoints(
          COLUMNS[columnIndex("check")]!.width,
        );
        // The old rules (status colours, the flags-sheet highlight) go; the new ones cover the same rows.
        ws.getRange(`A${firstRow}:${columnLetter(checkCol)}${lastRow}`).conditionalFormats.clearAll();
        const domain = t.domain!; // tables of byDomain have one
        const entries: Partial<Record<EntryField, number>> = {};
        for (const f of ENTRY_FIELDS) if (t.columns[f] !== undefined) entries[f] = t.columns[f];
        queueConditionalFormats(
          ws,
          lang,
          { status: t.columns.status!, points: pointsCol, check: checkCol, entries },
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
        refs[d] = {
          sheet: name,
          column: columnLetter(columnIndex("points")),
          firstRow: l.firstRow,
          lastRow: l.lastRow,
        };
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
