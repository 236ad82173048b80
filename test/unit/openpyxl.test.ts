/**
 * Every kind of workbook the product writes (`liat init` in each language, `liat merge`'s consolidation) opens in
 * an independent reader: openpyxl (Debian's python3-openpyxl, installed by .ci/run), with warnings as errors.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { run, type Io } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/cli/readWorkbook";
import { COVER_SHEET, LISTS_SHEET, domainSheetLayout } from "../../src/core/layout";

const exec = promisify(execFile);
const SCRIPT = join(__dirname, "..", "libreoffice", "openWithOpenpyxl.py");

jest.setTimeout(120_000);

describe("openpyxl opens every workbook the product writes", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "liat-openpyxl-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function liat(...argv: string[]): Promise<number> {
    const io: Io = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir };
    return run(argv, io);
  }

  it("reads init (fr, en) and merge output, text and formulas as written", async () => {
    expect(await liat("init", "-o", "fr.xlsx", "--lang", "fr", "--city", "Lyon", "--period", "2025")).toBe(0);
    expect(await liat("init", "-o", "en.xlsx", "--lang", "en", "--city", "Turin")).toBe(0);
    expect(await liat("merge", "fr.xlsx", "en.xlsx", "-o", "merged.xlsx", "--lang", "fr")).toBe(0);
    const files = ["fr.xlsx", "en.xlsx", "merged.xlsx"].map((f) => join(dir, f));
    const { stdout } = await exec("/usr/bin/python3", [SCRIPT, ...files], { maxBuffer: 64 * 1024 * 1024 });
    const out = JSON.parse(stdout) as Record<
      string,
      Record<string, { state: string; cells: Record<string, string | number | boolean> }>
    >;
    const fr = out[files[0]!]!;
    expect(fr[COVER_SHEET]!.cells.B3).toBe("Lyon");
    expect(fr[LISTS_SHEET]!.state).toBe("hidden");
    const d1 = domainSheetLayout(1, "fr");
    expect(fr[d1.name]!.cells.A5).toBe("1.1.1");
    expect(String(fr[d1.name]!.cells[`Q${d1.firstRow}`])).toMatch(/^=IF\(ISERROR\(F5\)/);
    expect(String(fr[d1.name]!.cells[`R${d1.firstRow}`])).toMatch(/^=TRIM\(/);
    expect(out[files[1]!]![COVER_SHEET]!.cells.B3).toBe("Turin");
    expect(Object.keys(out[files[2]!]!).length).toBeGreaterThan(0);
  });

  it("keeps a city name that XML cannot hold character for character (U+FFFE, control characters, CR, _xHHHH_)", async () => {
    const city = "Ly\uFFFEon\u0001\r\n_x0041_ \uD800!";
    expect(await liat("init", "-o", "odd.xlsx", "--lang", "en", "--city", city)).toBe(0);
    const file = join(dir, "odd.xlsx");
    // an independent reader opens it (a raw U+FFFE or control character would make the XML malformed)
    const { stdout } = await exec("/usr/bin/python3", [SCRIPT, file], { maxBuffer: 64 * 1024 * 1024 });
    const stored = (JSON.parse(stdout) as Record<string, Record<string, { cells: Record<string, unknown> }>>)[file]!;
    // openpyxl shows the escapes themselves (it decodes only some of them)
    expect(String(stored[COVER_SHEET]!.cells.B3)).toMatch(/^Ly_xFFFE_on_x0001__x000D_\n.*_xD800_!$/);
    // and a reader that decodes OOXML's escapes gives the text back as typed
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error(`unreadable: ${read.reason}`);
    const cover = read.workbook.sheets.find((s) => s.name === COVER_SHEET)!;
    expect(cover.rows[2]![1]).toBe(city);
  });
});
