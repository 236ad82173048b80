/**
 * Status, validation and live validation read each sheet's head first, then only the LIAT tables' columns
 * (src/excel/sheetHeads.ts): a large sheet that is not a LIAT table never travels, on Excel on the web's 5 MB limit
 * included, and every LIAT table of a sheet (side by side, stacked, stacked far below the head) is found and followed.
 */
import { COLUMNS, domainSheetName, type ColumnKey } from "../../src/core/layout";
import { CELLS_PER_REQUEST, HEAD_ROWS } from "../../src/excel/sheetHeads";
import { forgetSheets } from "../../src/excel/snapshot";
import {
  createLiveValidator,
  getWorkbookStatus,
  insertLiat,
  readSummary,
  readWorkbook,
  validateWorkbook,
  type LiveUpdate,
} from "../../src/excel/workbookOperations";
import { createHost, type LiatHost } from "../../tooling/excel-host/excelHost";
import { WEB_PAYLOAD_LIMIT_BYTES } from "../../tooling/excel-host/hostProfiles";

jest.setTimeout(300_000);

function webHost(): LiatHost {
  const host = createHost({ profile: "web" });
  host.install(globalThis);
  forgetSheets();
  return host;
}

/** Writes values straight into the host's model at a 0-based (row, column), as a file opened in Excel would hold them. */
function put(host: LiatHost, sheet: string, row: number, col: number, values: unknown[][]): void {
  const model = host.model;
  const ws = model.findSheetByName(sheet) ?? model.addSheet(sheet);
  const rect = { r0: row, c0: col, r1: row + values.length - 1, c1: col + values[0]!.length - 1 };
  model.writeCells(ws, rect, values, "values", "Unknown");
}

/** 100,000 rows of a budget (about 8 MB of values): no LIAT header anywhere. */
function bigSheet(host: LiatHost, name: string): void {
  const rows = Array.from({ length: 100_000 }, (_, i) => [
    `Line ${i + 1}`,
    "Operating costs of the social services department",
    i * 10,
    "EUR",
    `Note ${i}`,
  ]);
  put(host, name, 0, 0, rows);
}

/** What the pane shows: status, whole validation, summary. */
async function everything() {
  return {
    status: await getWorkbookStatus(),
    issues: await validateWorkbook(),
    summary: await readSummary(),
  };
}

const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header.en;
const TABLE_HEADER = [header("code"), header("status"), header("responsible")];

describe("a large sheet that is not a LIAT table", () => {
  test("status and validation on the web: same results as without it, every response under 5 MB", async () => {
    const host = webHost();
    await insertLiat({ lang: "en", city: "Lyon" });
    const s1 = domainSheetName(1, "en");
    expect(host.setCellValueAsUser(s1, "F5", "Implemented").ok).toBe(true);
    expect(host.setCellValueAsUser(s1, "F6", "Planned").ok).toBe(true);
    forgetSheets();
    const before = await everything();
    expect(before.issues.length).toBeGreaterThan(0);

    bigSheet(host, "Budget 2025");
    forgetSheets();
    host.resetSyncCount();
    const cold = await getWorkbookStatus();
    // sheet list, then every head: the 100,000 rows never travel
    expect(host.syncCount).toBe(2);
    expect(host.largestPayload.response).toBeLessThan(200_000);
    expect(cold).toEqual(before.status);

    host.resetSyncCount();
    const after = await everything();
    expect(after).toEqual(before);
    // known sheets whose tables fit in their heads: one sync each
    expect(host.syncCount).toBe(3);
    expect(host.largestPayload.response).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
  });

  test("a LIAT table longer than one request is read in blocks, each under the limit", async () => {
    const host = webHost();
    const rows = Math.ceil((CELLS_PER_REQUEST * 1.5) / TABLE_HEADER.length);
    put(host, "Plan", 0, 0, [TABLE_HEADER]);
    put(
      host,
      "Plan",
      1,
      0,
      Array.from({ length: rows }, (_, i) => [i % 2 === 0 ? "1.1.1" : "1.1.2", "Planned", `Service ${i}`]),
    );
    host.resetSyncCount();
    const read = await readWorkbook();
    expect(read.tables).toHaveLength(1);
    expect(read.tables[0]!.rows).toHaveLength(rows);
    expect(read.tables[0]!.rows[rows - 1]!.raw.responsible).toBe(`Service ${rows - 1}`);
    // list, heads, then two blocks of rows
    expect(host.syncCount).toBe(4);
    expect(host.largestPayload.response).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
  });
});

describe("every LIAT table of a sheet", () => {
  /** One sheet: a table at A3, one side by side at F3, and one stacked under the first far below the head. */
  function mixedSheet(host: LiatHost, farRow: number): void {
    put(host, "Plan", 0, 0, [["Our action plan"]]);
    put(host, "Plan", 2, 0, [TABLE_HEADER]);
    const long = Array.from({ length: farRow - 4 }, () => ["1.1.1", "Planned", "Mairie"]);
    put(host, "Plan", 3, 0, long);
    put(host, "Plan", 2, 5, [TABLE_HEADER, ["2.1", "Implemented", "CCAS"]]);
    put(host, "Plan", farRow, 0, [TABLE_HEADER, ["3.1.1", "Implemented", "Mairie"]]);
    // a table whose header lies below the head, on a sheet with nothing above it: past the bound
    put(host, "Beyond", HEAD_ROWS + 20, 0, [TABLE_HEADER, ["4.1.1", "Planned", "Mairie"]]);
  }

  test("side by side and stacked below the head are found; a header below the head alone is not (the bound)", async () => {
    const host = webHost();
    mixedSheet(host, HEAD_ROWS + 50);
    const read = await readWorkbook();
    expect(read.tables.map((t) => [t.sheet, t.headerRow, t.domain, t.rows.length])).toEqual([
      ["Plan", 2, 1, HEAD_ROWS + 46],
      ["Plan", 2, 2, 1],
      ["Plan", HEAD_ROWS + 50, 3, 1],
    ]);
  });

  test("live validation follows every table: side by side and stacked", async () => {
    const host = webHost();
    mixedSheet(host, 20);
    const updates: LiveUpdate[] = [];
    const errors: unknown[] = [];
    const live = createLiveValidator({ onUpdate: (u) => updates.push(u), onError: (e) => errors.push(e) });
    await live.ready;
    await live.idle();
    const last = () => updates[updates.length - 1]!;
    const required = () =>
      last()
        .issues.filter((i) => i.key === "responsibleRequired")
        .map((i) => i.address);
    expect(required()).toEqual([]);
    const assessed = () => last().summary.domains.map((d) => d.assessed);
    expect(assessed().slice(0, 3)).toEqual([1, 1, 1]);

    // the table side by side: its responsible emptied
    expect(host.setCellValueAsUser("Plan", "H4", "").ok).toBe(true);
    await host.idle();
    await live.idle();
    expect(errors).toEqual([]);
    expect(required()).toEqual(["H4"]);
    // the stacked table: a row added, then its responsible emptied
    expect(host.setCellValueAsUser("Plan", "A23", "3.1.2").ok).toBe(true);
    await host.idle();
    await live.idle();
    expect(host.setCellValueAsUser("Plan", "B23", "Implemented").ok).toBe(true);
    await host.idle();
    await live.idle();
    expect(required()).toEqual(["H4", "C23"]);
    expect(assessed().slice(0, 3)).toEqual([1, 1, 2]);
    // one row of one table read: not the table beside it, whose rows go down that far too
    expect(live.lastRowsRead).toBe(1);

    // a header typed among the first table's rows: a new table, stacked, found without a whole validation
    expect(host.setCellValueAsUser("Plan", "A10", header("code")).ok).toBe(true);
    expect(host.setCellValueAsUser("Plan", "B10", header("status")).ok).toBe(true);
    await host.idle();
    await live.idle();
    expect(errors).toEqual([]);
    const whole = await validateWorkbook();
    expect(last().issues).toEqual(whole);
    await live.dispose();
  });
});
