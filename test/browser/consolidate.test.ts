/**
 * Consolidation in the preview page: three files chosen in the real task pane (one a LIAT workbook,
 * one with a renamed sheet and moved columns, one not a workbook) give the expected consolidation
 * sheet in the simulated workbook and the expected list of unreadable files. ExcelJS is fetched
 * only when the files are read (a separate chunk). Screenshot: test-artifacts/consolidate-en.png. A large sheet is
 * read by Chromium's own DecompressionStream as the reader reads it in Node, and a damaged copy refused alike.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { unreadableMessage } from "../../src/core/consolidate";
import { domainSheetName } from "../../src/core/layout";
import { readAndConsolidate } from "../../src/taskpane/consolidate/readFiles";
import { ASYNC_INFLATE_MIN } from "../../src/xlsx/partStream";
import { readXlsxBytes } from "../../src/xlsx/readXlsx";
import { readZipDirectory } from "../../src/xlsx/zipDirectory";
import { moveColumns, readOk, writePlainWorkbook } from "../unit/cliFixtures";
import { openPreviewBrowser, previewUrl, type PreviewBrowser } from "./previewBrowser";
import { ROOT } from "./previewServer";

const baseUrl = previewUrl();
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HYPERLINK = '=HYPERLINK("http://x","y")';

let browser: PreviewBrowser;
let page: Page;
let problems: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  browser = await openPreviewBrowser("consolidate", { width: 1400, height: 900 });
  ({ page, problems } = browser);
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function pane(): FrameLocator {
  return browser.pane();
}

/** Values of a sheet of the simulated workbook (from A1). */
async function sheetValues(name: string): Promise<unknown[][] | null> {
  return page.evaluate((sheet) => {
    const host = (
      window as unknown as { __LIAT_HOST__: { getSnapshot(): { sheets: { name: string; values: unknown[][] }[] } } }
    ).__LIAT_HOST__;
    return host.getSnapshot().sheets.find((s) => s.name === sheet)?.values ?? null;
  }, name);
}

/** A LIAT workbook as `liat init` writes it, filled in, read back as a grid (to be changed as senders change it). */
async function liatGrid(spec: Parameters<typeof writeLiatWorkbook>[0], fileName: string) {
  return readOk(await writeLiatWorkbook(spec), fileName);
}

async function files() {
  const lyon = await writeLiatWorkbook({
    lang: "en",
    city: "Lyon",
    period: "2025",
    entries: {
      "1.1.1": { status: "Implemented", responsible: HYPERLINK, evidence: "https://lyon.fr/plan" },
      "2.3": { status: "Planned", responsible: "Jobs" },
    },
  });
  // Tunis's copy: the domain 2 sheet renamed, its columns in reverse order
  const tunis = await liatGrid(
    {
      lang: "fr",
      city: "Tunis",
      period: "2024-2025",
      entries: { "2.1": { status: "En cours", responsible: "Direction de l'emploi" } },
    },
    "t.xlsx",
  );
  const moved = await writePlainWorkbook(
    tunis.sheets.map((s) => {
      if (s.name !== domainSheetName(2, "fr")) return s;
      const width = Math.max(...s.rows.map((r) => r.length));
      return {
        ...moveColumns(
          s,
          Array.from({ length: width }, (_, c) => width - 1 - c),
        ),
        name: "Emploi (copie)",
      };
    }),
  );
  return [
    { name: "lyon.xlsx", mimeType: XLSX, buffer: lyon },
    { name: "tunis.xlsx", mimeType: XLSX, buffer: moved },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Minutes of the meeting, not a workbook.") },
  ];
}

describe("consolidation in the preview page", () => {
  it("consolidates three files into the consolidation sheet and lists the unreadable one", async () => {
    const chosen = await files();
    await page.goto(`${baseUrl}preview.html?lang=en`);
    await pane().getByRole("tab", { name: "Consolidation" }).click();
    await pane().getByRole("button", { name: "Choose workbooks to consolidate" }).waitFor();
    // ExcelJS is not loaded with the pane
    expect(requests.filter((r) => /xlsx-reader|exceljs/.test(r))).toEqual([]);

    await pane().getByTestId("consolidate-files").setInputFiles(chosen);
    const outcome = pane().getByTestId("consolidate-outcome");
    await outcome.waitFor({ timeout: 60_000 });
    await expect(outcome.textContent()).resolves.toContain("2 workbooks merged: 78 rows on the sheet Consolidation.");
    expect(requests.filter((r) => /xlsx-reader|exceljs/.test(r)).length).toBeGreaterThan(0);

    // the list of unreadable files, with the reason
    const unreadable = pane().getByTestId("consolidate-unreadable");
    await expect(unreadable.getByRole("listitem").allTextContents()).resolves.toEqual([
      "notes.txt — This is not an Excel workbook (.xlsx): ask for the LIAT workbook saved as .xlsx.",
    ]);
    // the workbooks merged, with city and period
    const rows = pane().getByTestId("consolidate-sources").getByRole("row");
    await expect(rows.nth(1).getByRole("cell").allTextContents()).resolves.toEqual(
      expect.arrayContaining(["lyon.xlsx", "Lyon", "2025", "39"]),
    );
    await expect(rows.nth(2).getByRole("cell").allTextContents()).resolves.toEqual(
      expect.arrayContaining(["tunis.xlsx", "Tunis", "2024-2025", "39"]),
    );

    // the consolidation sheet: one row per source and objective, the source named, text as text
    const values = (await sheetValues("Consolidation"))!;
    expect(values[0]!.slice(0, 6)).toEqual(["File", "City", "Period", "Sheet", "Cell", "Code"]);
    const data = values.slice(1).filter((r) => r.some((v) => v !== ""));
    expect(data).toHaveLength(78);
    expect(data.filter((r) => r[0] === "lyon.xlsx")).toHaveLength(39);
    expect(data.filter((r) => r[0] === "tunis.xlsx")).toHaveLength(39);
    const tunis21 = data.find((r) => r[0] === "tunis.xlsx" && r[5] === "2.1")!;
    expect(tunis21.slice(0, 4)).toEqual(["tunis.xlsx", "Tunis", "2024-2025", "Emploi (copie)"]);
    expect(tunis21).toEqual(expect.arrayContaining(["En cours", "Direction de l'emploi"]));
    const lyon111 = data.find((r) => r[0] === "lyon.xlsx" && r[5] === "1.1.1")!;
    expect(lyon111).toContain(HYPERLINK);
    await expect(sheetValues("Unreadable files")).resolves.toEqual([
      ["File", "Reason", "Detail", "LIAT source"],
      ["notes.txt", "This is not an Excel workbook (.xlsx): ask for the LIAT workbook saved as .xlsx.", "", ""],
    ]);
    const summary = (await sheetValues("Summary by source"))!;
    expect(summary.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ["lyon.xlsx", "Lyon", "2025"],
      ["tunis.xlsx", "Tunis", "2024-2025"],
    ]);

    // the button opens the sheet in the grid, where the hyperlink text shows as typed
    await pane().getByRole("button", { name: "Open the sheet Consolidation" }).click();
    await page.locator(".tabs button[aria-selected=true]", { hasText: "Consolidation" }).waitFor();
    await page.waitForFunction(() => document.querySelector('td[data-address="A2"]')?.textContent === "lyon.xlsx");
    const row = data.indexOf(lyon111) + 2;
    const responsibleCol = values[0]!.indexOf("Responsible service");
    const address = `${String.fromCharCode(65 + responsibleCol)}${row}`;
    await expect(page.locator(`td[data-address="${address}"]`).textContent()).resolves.toBe(HYPERLINK);

    mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "test-artifacts", "consolidate-en.png") });

    // the same files again: replaced, not duplicated
    await pane().getByTestId("consolidate-files").setInputFiles(chosen);
    await pane()
      .getByText("78 earlier rows from the same files were replaced.", { exact: false })
      .waitFor({ timeout: 60_000 });
    const again = (await sheetValues("Consolidation"))!.slice(1).filter((r) => r.some((v) => v !== ""));
    expect(again).toHaveLength(78);
    expect(problems).toEqual([]);
  }, 240_000);

  it("reads a large sheet with the browser's own inflater, piece by piece, as the reader does in Node", async () => {
    // a domain sheet made long: its table stacked 400 times (several tables on one sheet are all read)
    const base = await liatGrid(
      {
        lang: "en",
        city: "Lille",
        period: "2025",
        entries: { "1.1.1": { status: "Implemented", responsible: "Mairie é ü « » 😀" } },
      },
      "lille.xlsx",
    );
    const domain = domainSheetName(1, "en");
    const big = await writePlainWorkbook(
      base.sheets.map((sheet) =>
        sheet.name === domain ? { ...sheet, rows: Array.from({ length: 400 }, () => sheet.rows).flat() } : sheet,
      ),
    );
    // the sheet part is one the pane gives to DecompressionStream
    const entries = readZipDirectory(big);
    const largest = entries.reduce((a, b) => (b.uncompressedSize > a.uncompressedSize ? b : a));
    expect(largest.uncompressedSize).toBeGreaterThan(5 * ASYNC_INFLATE_MIN);
    // the same bytes damaged in the middle of that part's deflate data
    const damaged = Buffer.from(big);
    const start =
      largest.localOffset +
      30 +
      damaged.readUInt16LE(largest.localOffset + 26) +
      damaged.readUInt16LE(largest.localOffset + 28);
    damaged.fill(
      0xff,
      start + Math.floor(largest.compressedSize / 2),
      start + Math.floor(largest.compressedSize / 2) + 64,
    );
    const refused = await readXlsxBytes(damaged, "lille-damaged.xlsx");
    expect(refused).toMatchObject({ ok: false, reason: "damaged", params: { part: largest.name } });
    // what the pane's code makes of them in Node
    const node = await readAndConsolidate(
      [
        { name: "lille.xlsx", size: big.length, arrayBuffer: async () => new Uint8Array(big).buffer },
        { name: "lille-damaged.xlsx", size: damaged.length, arrayBuffer: async () => new Uint8Array(damaged).buffer },
      ],
      "en",
    );
    expect(node.sources).toHaveLength(1);
    const rows = node.sources[0]!.rows;
    expect(rows).toBeGreaterThan(1000);

    await page.goto(`${baseUrl}preview.html?lang=en`);
    // the browser has the native inflater the pane uses for large parts
    await expect(page.evaluate(() => typeof DecompressionStream)).resolves.toBe("function");
    await pane().getByRole("tab", { name: "Consolidation" }).click();
    await pane()
      .getByTestId("consolidate-files")
      .setInputFiles([
        { name: "lille.xlsx", mimeType: XLSX, buffer: big },
        { name: "lille-damaged.xlsx", mimeType: XLSX, buffer: damaged },
      ]);
    const outcome = pane().getByTestId("consolidate-outcome");
    await outcome.waitFor({ timeout: 120_000 });
    await expect(outcome.textContent()).resolves.toContain(
      `1 workbook merged: ${rows} rows on the sheet Consolidation.`,
    );
    if (refused.ok) throw new Error("the damaged copy was read");
    await expect(pane().getByTestId("consolidate-unreadable").getByRole("listitem").allTextContents()).resolves.toEqual(
      [`lille-damaged.xlsx — ${unreadableMessage(refused.reason, refused.params).en}`],
    );
    // the text read in the browser is the text written, character for character
    const values = (await sheetValues("Consolidation"))!;
    const lille111 = values.filter((r) => r[0] === "lille.xlsx" && r[5] === "1.1.1");
    expect(lille111).toHaveLength(400);
    for (const r of lille111) expect(r).toContain("Mairie é ü « » 😀");
    expect(problems).toEqual([]);
  }, 240_000);
});
