/** Helpers for the command-line and consolidation tests: workbooks built in the test itself. */
import ExcelJS from "exceljs";
import { setDataCell } from "../../src/cli/cellText";
import { run, type Io } from "../../src/cli/main";
import { readWorkbookBytes } from "../../src/cli/readWorkbook";
import type { CellValue } from "../../src/core/excelValues";
import type { SheetData, WorkbookData } from "../../src/core/workbookReader";

/** Reads bytes that must be a readable workbook. */
export async function readOk(bytes: Uint8Array, fileName = "test.xlsx"): Promise<WorkbookData> {
  const r = await readWorkbookBytes(bytes, fileName);
  if (!r.ok) throw new Error(`expected a readable workbook, got ${r.reason}`);
  return r.workbook;
}

/** Writes plain sheets as a plain .xlsx (no tables, no formulas): a copy someone re-typed or pasted. */
export async function writePlainWorkbook(sheets: readonly SheetData[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((cells, r) => cells?.forEach((v, c) => setDataCell(ws.getCell(r + 1, c + 1), v)));
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The same sheet with its columns in another order: `order[i]` is the old index of new column i. */
export function moveColumns(sheet: SheetData, order: readonly number[]): SheetData {
  return { name: sheet.name, rows: sheet.rows.map((cells) => order.map((old) => (cells?.[old] ?? null) as CellValue)) };
}

/** Reads a cell of an ExcelJS workbook written by the code under test. */
export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A minimal zip archive (stored, no compression) holding the given text files. */
export function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8");
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    // The local and central headers share one run of fields: version needed, flags, method, time,
    // date, CRC, sizes, name length (the central header has "version made by" before it).
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** What one run of the command line printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line in-process in `cwd`, with `LANG` set to `lang` (none: no language in the environment). */
export async function runLiat(argv: string[], cwd: string, lang?: string): Promise<CliRun> {
  let out = "";
  let err = "";
  const io: Io = {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    env: lang === undefined ? {} : { LANG: lang },
    cwd,
  };
  const code = await run(argv, io);
  return { code, out, err };
}
