/** The preview page: a simulated workbook next to the real task pane, driven like a user would. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import {
  HIGHLIGHT,
  STATUS_COLORS,
  columnIndex,
  columnLetter,
  domainSheetName,
  FIRST_DATA_ROW,
} from "../../src/core/layout";
import { checkPart } from "../../src/core/nativeChecks";
import { openPreviewBrowser, previewUrl, type PreviewBrowser } from "./previewBrowser";
import { ROOT } from "./previewServer";

const baseUrl = previewUrl();

let browser: PreviewBrowser;
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  browser = await openPreviewBrowser("preview", { width: 1400, height: 860 });
  ({ page, problems } = browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function typeInto(address: string, text: string): Promise<void> {
  await page.locator(`td[data-address="${address}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

function cell(address: string) {
  return page.locator(`td[data-address="${address}"]`);
}

/** "#FFC7CE" as the browser reports a computed colour: "rgb(255, 199, 206)". */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** Waits until a grid cell's computed background is (or, with `not`, is no longer) a colour. */
async function waitForBackground(address: string, hex: string, not = false): Promise<void> {
  await page.waitForFunction(
    ([a, color, negate]) => {
      const td = document.querySelector(`td[data-address="${a}"]`);
      return td !== null && (getComputedStyle(td).backgroundColor === color) !== negate;
    },
    [address, rgb(hex), not] as const,
    { timeout: 30_000 },
  );
}

describe("preview page", () => {
  it("edits cells through the grid and recalculates =LIAT.SCORE with the real functions", async () => {
    await page.goto(`${baseUrl}preview.html`);
    await page.waitForFunction(() => {
      const host = (window as unknown as { __LIAT_HOST__?: { model: { engine: { functions: Map<string, unknown> } } } })
        .__LIAT_HOST__;
      return host?.model.engine.functions.has("LIAT.SCORE") === true;
    });
    // the real task pane renders in its frame (wait for its tab list rather than reading #root at once)
    await page.frameLocator("#taskpane").getByRole("tablist").waitFor({ state: "visible", timeout: 20_000 });

    await typeInto("A1", "Planned");
    await typeInto("A2", "Implemented");
    await typeInto("B1", "=LIAT.SCORE(A1:A2)");
    await expect(cell("A1").textContent()).resolves.toBe("Planned");
    await page.waitForFunction(() => document.querySelector('td[data-address="B1"]')?.textContent === "50");

    await typeInto("A2", "Sustained");
    await page.waitForFunction(() => document.querySelector('td[data-address="B1"]')?.textContent === "62.5");

    // the formula bar shows the formula of the selected cell
    await cell("B1").click();
    await expect(page.locator("#formula-input").inputValue()).resolves.toBe("=LIAT.SCORE(A1:A2)");

    mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "test-artifacts", "preview.png") });
    expect(problems).toEqual([]);
  }, 60_000);

  it("selects a cell when the add-in calls range.select(), switching the sheet tab", async () => {
    await page.evaluate(async () => {
      const host = (
        window as unknown as {
          __LIAT_HOST__: { Excel: { run: (b: (c: Excel.RequestContext) => Promise<void>) => Promise<void> } };
        }
      ).__LIAT_HOST__;
      await host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.add("Lists");
        sheet.getRange("A1:A3").values = [["Planned"], ["In progress"], ["Done"]];
        context.workbook.names.add("Statuses", "=Lists!$A$1:$A$3");
        const first = context.workbook.worksheets.getFirst();
        first.getRange("C3").dataValidation.rule = { list: { inCellDropDown: true, source: "=Statuses" } };
        first.getRange("C3").select();
        await context.sync();
      });
    });
    await page.waitForFunction(
      () => document.querySelector('td[data-address="C3"]')?.getAttribute("aria-selected") === "true",
    );
    await expect(page.locator("#name-box").textContent()).resolves.toBe("C3");
    // a list validation shows a dropdown with the named range's values; choosing one writes it
    await expect(page.locator("#list-select option").allTextContents()).resolves.toEqual([
      "",
      "Planned",
      "In progress",
      "Done",
    ]);
    await page.locator("#list-select").selectOption("Done");
    await page.waitForFunction(() => document.querySelector('td[data-address="C3"]')?.textContent === "Done");
    // a value outside the list is refused with the validation's alert
    await typeInto("C3", "Nope");
    await expect(page.locator('[role="alertdialog"]').isVisible()).resolves.toBe(true);
    await page.locator('[role="alertdialog"] button').click();
    await expect(cell("C3").textContent()).resolves.toBe("Done");
    expect(problems).toEqual([]);
  }, 60_000);

  it("paints conditional formats: status colours, and the red highlight of an invalid cell until it is fixed", async () => {
    await page.goto(`${baseUrl}preview.html?lang=en`);
    const pane = browser.pane();
    await pane.getByRole("tab", { name: "Setup" }).click();
    await pane.getByRole("button", { name: "Insert the LIAT sheets" }).click();
    await pane.getByTestId("setup-outcome").getByText("Done").waitFor({ timeout: 30_000 });
    const sheet = domainSheetName(1, "en");
    await page.locator(".tabs button", { hasText: sheet }).click();
    await page.locator(".tabs button[aria-selected=true]", { hasText: sheet }).waitFor();
    const status = `${columnLetter(columnIndex("status"))}${FIRST_DATA_ROW}`;
    const responsible = `${columnLetter(columnIndex("responsible"))}${FIRST_DATA_ROW}`;

    const check = `${columnLetter(columnIndex("check"))}${FIRST_DATA_ROW}`;
    const addinWrites = () => page.evaluate(() => window.__LIAT_HOST__!.model.addinWrites);
    // the pane's first validation is over: from here on, only the user writes
    await pane.getByRole("tab", { name: "Summary" }).click();
    await page.waitForTimeout(500);
    const writesBefore = await addinWrites();

    // "Planned" without a responsible service: the status takes its colour, the workbook's own rule turns the
    // service red and its Check cell says why
    await typeInto(status, "Planned");
    await waitForBackground(status, STATUS_COLORS.find((c) => c.labels.en === "Planned")!.fill);
    await waitForBackground(responsible, HIGHLIGHT.fill);
    await page.waitForFunction(([a, text]) => document.querySelector(`td[data-address="${a}"]`)?.textContent === text, [
      check,
      checkPart("Responsible service", "responsibleRequired", "en"),
    ] as const);
    await expect(cell(responsible).evaluate((td) => getComputedStyle(td).color)).resolves.toBe(rgb(HIGHLIGHT.font));
    mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "test-artifacts", "preview-highlight.png") });

    // fixed in the grid: the highlight and the message go
    await typeInto(responsible, "Mayor's office");
    await waitForBackground(responsible, HIGHLIGHT.fill, true);
    await page.waitForFunction(
      (a) => document.querySelector(`td[data-address="${a}"]`)?.textContent === "Mayor's office",
      responsible,
    );
    await page.waitForFunction((a) => document.querySelector(`td[data-address="${a}"]`)?.textContent === "", check);
    // no write by the add-in in between: the red and the message are the workbook's own formulas
    await expect(addinWrites()).resolves.toBe(writesBefore);
    expect(problems).toEqual([]);
  }, 90_000);
});

describe("task pane opened on its own (preview build)", () => {
  it("loads its in-memory host at the first Excel.run: the first-run view, and the functions computing", async () => {
    const own = await openPreviewBrowser("pane-alone", { width: 380, height: 800 });
    try {
      const scripts: string[] = [];
      own.page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname.split("/").pop()!);
      });
      await own.page.goto(new URL("taskpane.html", baseUrl).href);
      // the first-run view needs the workbook's status, so the host has answered
      await own.page.getByRole("button", { name: "Insert the LIAT sheets" }).waitFor({ timeout: 30_000 });
      expect(scripts).toContain("preview-host.js");
      // the functions registered with the host once it was there
      const rating = await own.page.evaluate(() =>
        Excel.run(async (context) => {
          const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
          range.formulas = [["=LIAT.RATING(50)"]];
          await context.sync();
          range.load("values");
          await context.sync();
          return range.values[0]![0];
        }),
      );
      expect(rating).toBe("Established");
      expect(own.problems.filter((p) => !p.includes("favicon") && !p.includes("404"))).toEqual([]);
    } finally {
      await own.close();
    }
  }, 90_000);
});
