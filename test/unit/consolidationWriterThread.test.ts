/**
 * The merge's workbook written by a thread of its own (src/cli/consolidationWriterThread.ts, with the script the
 * command line's bundle ships): the same workbook as on one thread, its failures reported to the caller.
 */
import { buildSync } from "esbuild";
import { unzipSync } from "fflate";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ConsolidationWriterThread,
  openConsolidationOutput,
  WRITER_SCRIPT,
} from "../../src/cli/consolidationWriterThread";
import { ConsolidationJsonWriter, ConsolidationWriter } from "../../src/cli/writeConsolidation";
import { OBJECTIVE_CODES } from "../../src/core/catalogue";
import { Consolidator } from "../../src/core/consolidate";
import type { CellValue } from "../../src/core/excelValues";
import { domainSheetLayout } from "../../src/core/layout";
import type { WorkbookData } from "../../src/core/workbookReader";

let dir: string;
let script: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "liat-writer-thread-"));
  script = join(dir, WRITER_SCRIPT);
  buildSync({
    entryPoints: [join(__dirname, "..", "..", "src", "cli", "consolidationWriterWorker.ts")],
    outfile: script,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "error",
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A returned workbook of `rows` entries, some with problems (an unknown status, a cell that cannot be merged). */
function workbook(i: number, rows: number): WorkbookData {
  const headers: CellValue[] = [...domainSheetLayout(1, "fr").headers];
  const entries = Array.from({ length: rows }, (_, r): CellValue[] => {
    const row: CellValue[] = headers.map(() => null);
    row[0] = OBJECTIVE_CODES[r % OBJECTIVE_CODES.length]!;
    row[5] = r % 3 === 0 ? "Statut inconnu" : "En cours";
    row[6] = `Service « ${i}-${r} » \u0001 é`;
    return row;
  });
  return { fileName: `ville-${i}.xlsx`, hash: `h${i}`, sheets: [{ name: "Emploi", rows: [headers, ...entries] }] };
}

/** The parts of an .xlsx, the timestamped one left out. */
function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (name !== "docProps/core.xml") out[name] = Buffer.from(data).toString("utf8");
  return out;
}

describe("the merge's workbook written by a thread of its own", () => {
  it("is the workbook written on one thread, part for part", () => {
    const chunks: Uint8Array[] = [];
    const single = new ConsolidationWriter({ sink: (b) => chunks.push(Buffer.from(b)) }, "fr");
    const file = join(dir, "thread.xlsx");
    const threaded = openConsolidationOutput(file, "fr", dir);
    expect(threaded).toBeInstanceOf(ConsolidationWriterThread);
    // the JSON too: written here, and by the thread
    const singleJson = new ConsolidationJsonWriter(join(dir, "single.json"));
    const threadJson = new ConsolidationJsonWriter(join(dir, "thread.json"), (fd) => threaded.fileBytes!(fd));
    const c = new Consolidator(
      (rows) => {
        single.addRows(rows);
        threaded.addRows(rows);
        singleJson.addRows(rows);
        threadJson.addRows(rows);
      },
      (source, notMerged) => {
        single.addSource(source, notMerged);
        threaded.addSource(source, notMerged);
        singleJson.addSource(source, notMerged);
        threadJson.addSource(source, notMerged);
      },
    );
    // more batches than the thread may be behind, so that the calls wait for it; JSON of more than a piece
    for (let i = 0; i < 40; i++) c.add(workbook(i, 150));
    const result = c.result();
    single.finish(result);
    singleJson.finish(result);
    threadJson.finish(result);
    threaded.finish(result);
    const json = readFileSync(join(dir, "single.json"));
    expect(json.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(readFileSync(join(dir, "thread.json")).equals(json)).toBe(true);
    const expected = parts(Buffer.concat(chunks));
    expect(Object.keys(expected)).toContain("xl/worksheets/sheet1.xml");
    // a text of the last file, shared or (a column of texts that seldom repeat) inline
    expect(Object.values(expected).some((xml) => xml.includes("Service « 39-149 » _x0001_ é"))).toBe(true);
    expect(parts(readFileSync(file))).toEqual(expected);
  });

  it("takes rows of several sources in one call, each with its own file, city, period and objectives", () => {
    const rows = [0, 1, 2].flatMap((i) => {
      const c = new Consolidator();
      c.add(workbook(i, 3));
      return c.result().rows;
    });
    expect(new Set(rows.map((r) => r.source)).size).toBe(3);
    const chunks: Uint8Array[] = [];
    const single = new ConsolidationWriter({ sink: (b) => chunks.push(Buffer.from(b)) }, "es");
    const file = join(dir, "sources.xlsx");
    const threaded = openConsolidationOutput(file, "es", dir);
    for (const w of [single, threaded]) {
      w.addRows(rows);
      w.finish(new Consolidator().result());
    }
    const expected = parts(Buffer.concat(chunks));
    expect(Object.values(expected).some((xml) => xml.includes("ville-2.xlsx"))).toBe(true);
    expect(parts(readFileSync(file))).toEqual(expected);
  });

  it("reports the thread's failure to the caller, with its reason, and closes", () => {
    const file = join(dir, "read-only.xlsx");
    writeFileSync(file, "");
    const fd = openSync(file, "r"); // the thread cannot write to it
    const writer = new ConsolidationWriterThread(fd, "en", script);
    const c = new Consolidator(
      (rows) => writer.addRows(rows),
      (source, notMerged) => writer.addSource(source, notMerged),
    );
    expect(() => {
      c.add(workbook(1, 100));
      writer.finish(c.result());
    }).toThrow(/EBADF|bad file descriptor/i);
    writer.close();
    expect(() => closeSync(fd)).toThrow(/EBADF/); // closed by the writer
  });

  it("says when it is the other file it could not write (the JSON on a full disk)", () => {
    const writer = openConsolidationOutput(join(dir, "full-json.xlsx"), "en", dir);
    const json = new ConsolidationJsonWriter("/dev/full", (fd) => writer.fileBytes!(fd));
    const c = new Consolidator(
      (rows) => {
        writer.addRows(rows);
        json.addRows(rows);
      },
      (source, notMerged) => writer.addSource(source, notMerged),
    );
    let error: unknown;
    try {
      for (let i = 0; i < 40; i++) c.add(workbook(i, 150));
      json.finish(c.result());
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ message: expect.stringMatching(/ENOSPC/), output: "other" });
    json.abort();
    writer.close();
  });

  it("is written on this thread when the script is not there (the sources run as they are)", () => {
    const file = join(dir, "single.xlsx");
    const writer = openConsolidationOutput(file, "en", join(dir, "nowhere"));
    expect(writer).toBeInstanceOf(ConsolidationWriter);
    writer.finish(new Consolidator().result());
    expect(Object.keys(parts(readFileSync(file)))).toContain("xl/workbook.xml");
  });
});
