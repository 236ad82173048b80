/** The preview, as a user: close a period, change a status, see the Progress view and the cover's native trend. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { columnIndex, columnLetter, COVER_SHEET, domainSheetName, FIRST_DATA_ROW } from "../../src/core/layout";
import { TREND, trendBlock } from "../../src/core/trend";
import { openPreviewBrowser, previewUrl, type PreviewBrowser } from "./previewBrowser";
import { ROOT } from "./previewServer";

let browser: PreviewBrowser;
let page: Page;

beforeAll(async () => {
  browser = await openPreviewBrowser("progress", { width: 1400, height: 900 });
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function typeInto(address: string, text: string): Promise<void> {
  await page.locator(`td[data-address="${address}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function showSheet(name: string): Promise<void> {
  await page.locator(".tabs button", { hasText: name }).first().click();
  await page.locator(".tabs button[aria-selected=true]", { hasText: name }).waitFor();
}

const cellText = (address: string) =>
  page.waitForFunction(([a]) => document.querySelector(`td[data-address="${a}"]`)?.textContent ?? null, [
    address,
  ] as const);

async function waitForCell(address: string, pattern: RegExp): Promise<void> {
  const shown = () =>
    page.evaluate((a) => document.querySelector(`td[data-address="${a}"]`)?.textContent ?? "(no cell)", address);
  await page
    .waitForFunction(
      ([a, source]) => new RegExp(source).test(document.querySelector(`td[data-address="${a}"]`)?.textContent ?? ""),
      [address, pattern.source] as const,
      { timeout: 30_000 },
    )
    .catch(async () => {
      throw new Error(`${address} shows ${JSON.stringify(await shown())}, not ${pattern}`);
    });
}

describe("periods in the preview", () => {
  it("closes a period, shows the progress since it and the cover's trend", async () => {
    await page.goto(`${previewUrl()}preview.html?lang=en`);
    const pane = browser.pane();
    await pane.getByRole("tab", { name: "Setup" }).click();
    await pane.getByRole("textbox", { name: "Reporting period" }).fill("2024");
    await pane.getByRole("button", { name: "Insert the LIAT sheets" }).click();
    await pane.getByTestId("setup-outcome").getByText("Done").waitFor({ timeout: 30_000 });

    const sheet = domainSheetName(1, "en");
    const status = `${columnLetter(columnIndex("status"))}${FIRST_DATA_ROW}`;
    await showSheet(sheet);
    await typeInto(status, "Planned");

    await pane.getByRole("tab", { name: "Progress" }).click();
    await pane.getByText("Period in progress: 2024").waitFor({ timeout: 30_000 });
    await pane.getByRole("button", { name: "Close the period" }).click();
    await pane
      .getByTestId("period-closed")
      .getByText(/Period 2024 recorded/)
      .waitFor({ timeout: 30_000 });

    // The next period: the status goes up; the Progress view compares it with 2024.
    await showSheet(sheet);
    await typeInto(status, "Implemented");
    const governance = pane.getByTestId("progress-table").locator('tr[data-key="1"]');
    await governance.getByText("+50.0").waitFor({ timeout: 30_000 });
    await expect(governance.locator("td").allTextContents()).resolves.toEqual(["25.0", "75.0", "+50.0", "6% → 6%"]);
    await pane.getByTestId("moves-up").getByText("1.1.1: Planned → Implemented").waitFor();
    await pane.getByTestId("change-chart").locator("svg").first().waitFor({ timeout: 30_000 });

    // Closing 2025 puts its scores and the change since 2024 on the cover, as native formulas.
    await pane.getByRole("button", { name: "Close the period" }).click();
    await pane
      .getByTestId("period-closed")
      .getByText(/Period 2025 recorded/)
      .waitFor({ timeout: 30_000 });
    await showSheet(COVER_SHEET);
    const { columns } = trendBlock("en");
    const at = (col: number, slot: number) => `${columnLetter(col)}${TREND.firstRow + slot}`;
    await waitForCell(at(columns.label, 0), /^2024$/);
    await waitForCell(at(columns.domains[0]!, 0), /^25(\.0)?$/);
    await waitForCell(at(columns.label, 1), /^2025$/);
    await waitForCell(at(columns.domains[0]!, 1), /^75(\.0)?$/);
    // a change shows its sign (number format +0.0;-0.0;0.0)
    await waitForCell(at(columns.changes[0]!, 1), /^\+50\.0$/);
    await expect(cellText(at(columns.overallChange, 1)).then((h) => h.jsonValue())).resolves.toMatch(/^\+50\.0$/);

    mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "test-artifacts", "preview-progress.png") });
    expect(browser.problems).toEqual([]);
  }, 180_000);
});
