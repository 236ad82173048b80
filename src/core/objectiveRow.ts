/**
 * Reads one objective row of a LIAT table from a row of cell values, by the columns its header row
 * names: the code (normalized when it is one), the entry cells and their addresses. The add-in
 * (src/excel/scan.ts, over Excel ranges) and the received-file reader (src/core/workbookReader.ts)
 * read rows the same way, and skip the same rows: those whose code, sub-category, objective and entry
 * cells are all blank (the Points column is computed and does not count).
 */
import { columnLetter } from "./a1";
import { normalizeCode } from "./codes";
import { ENTRY_FIELDS, type EntryField, type RawEntry } from "./entrySchema";
import { isBlank, type CellValue } from "./excelValues";
import type { ColumnKey } from "./layout";

export interface ObjectiveRow {
  /** Canonical code when the cell holds a code; otherwise the cell's trimmed text ("" when blank). */
  code: string;
  /** True when the code cell holds a code of the LIAT form (known or not). */
  codeReadable: boolean;
  /** The entry cells present in the table, as read (undefined past the end of a short row). */
  raw: RawEntry;
  /** Address of the code cell and of each entry cell present, e.g. { code: "A5", status: "F5" }. */
  cells: Partial<Record<EntryField | "code", string>>;
  /** The sheet's name, as the reader was given it ("" when it was not). */
  sheet: string;
  /** 0-based sheet row. */
  rowIndex: number;
}

/** Columns whose cells say whether a row holds anything. */
const CONTENT_KEYS: readonly ColumnKey[] = ["code", "subcategory", "objective", ...ENTRY_FIELDS];

/**
 * A reader of the rows of one table of sheet `sheet`: `columns` are sheet columns (0-based) by key, `left` the sheet
 * column of a row's first cell. It gives null for an empty row. Column letters are worked out once
 * here, not once per cell, and a row's number once per row; each row is one object, made whole at once.
 */
export function objectiveRowReader(
  columns: Partial<Record<ColumnKey, number>>,
  left = 0,
  sheet = "",
): (cells: readonly CellValue[], row: number) => ObjectiveRow | null {
  const codeColumn = columns.code;
  const codeLetter = codeColumn === undefined ? null : columnLetter(codeColumn);
  const entries = ENTRY_FIELDS.flatMap((field) => {
    const c = columns[field];
    return c === undefined ? [] : [{ field, index: c - left, letter: columnLetter(c) }];
  });
  const content = CONTENT_KEYS.flatMap((k) => (columns[k] === undefined ? [] : [columns[k]! - left]));
  return (cells, row) => {
    let empty = true;
    for (let k = 0; k < content.length && empty; k++) empty = isBlank(cells[content[k]!]);
    if (empty) return null;
    const raw: RawEntry = {};
    const addresses: ObjectiveRow["cells"] = {};
    const line = String(row + 1);
    if (codeLetter !== null) addresses.code = codeLetter + line;
    for (const e of entries) {
      raw[e.field] = cells[e.index];
      addresses[e.field] = e.letter + line;
    }
    const codeCell = codeColumn === undefined ? undefined : cells[codeColumn - left];
    const normalized = typeof codeCell === "string" || typeof codeCell === "number" ? normalizeCode(codeCell) : null;
    return {
      code: normalized ?? (isBlank(codeCell) ? "" : String(codeCell).trim()),
      codeReadable: normalized !== null,
      raw,
      cells: addresses,
      sheet,
      rowIndex: row,
    };
  };
}
