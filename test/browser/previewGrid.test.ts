/**
 * The preview grid as a Linux user sees the workbook: column widths as the workbook sets them (not stretched by a
 * long title), frozen header rows that stay in view, the input message of the selected cell, F6 into the task pane,
 * the active sheet's tab scrolled into view. Screenshot: test-artifacts/preview-grid-fr.png.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { isoDateToSerial } from "../../src/core/dates";
import { columnIndex, columnLetter, domainSheetName, FIRST_DATA_ROW } from "../../src/core/layout";
import { openPreviewBrowser, previewUrl, type PreviewBrowser } from "./previewBrowser";
import { ROOT } from "./previewServer";

const baseUrl = previewUrl();
const WAIT = 60_000;

let browser: PreviewBrowser;
let page: Page;

beforeAll(async () => {
  browser = await openPreviewBrowser("preview-grid", { width: 1200, height: 800 });
  ({ page } = browser);
}, WAIT);

afterAll(async () => {
  await browser?.close();
});

describe("preview grid", () => {
  it("draws the workbook's widths and frozen rows, shows input messages, and F6 reaches the pane", async () => {
    await page.goto(`${baseUrl}preview.html?lang=fr`);
    await browser.pane().getByRole("button", { name: "Insérer les feuilles LIAT" }).click();
    await browser.pane().getByTestId("overall").waitFor({ timeout: WAIT });
    const sheet = domainSheetName(1, "fr");
    await page.locator(".tabs button", { hasText: sheet }).click();
    await page.locator(".tabs button[aria-selected=true]", { hasText: sheet }).waitFor({ timeout: WAIT });

    // every column is as wide as the workbook says (the title in A1 does not stretch the Code column)
    const widths = await page.evaluate((name) => {
      const host = (
        window as unknown as {
          __LIAT_HOST__: { model: { findSheetByName(n: string): { columnWidths: Map<number, number> } } };
        }
      ).__LIAT_HOST__;
      const set = host.model.findSheetByName(name).columnWidths;
      const drawn = [...document.querySelectorAll("table.grid thead th:not(.corner)")].map(
        (th) => th.getBoundingClientRect().width,
      );
      return drawn
        .slice(0, 8)
        .map((px, c) => ({ c, px: Math.round(px), expected: Math.round(((set.get(c) ?? 48) * 96) / 72) }));
    }, sheet);
    for (const w of widths) expect(Math.abs(w.px - w.expected)).toBeLessThanOrEqual(1);

    // the header row is frozen: scrolled far down, it is still at the top
    const headerRow = FIRST_DATA_ROW - 1;
    const headerCell = page.locator(`td[data-address="A${headerRow}"]`);
    await page.locator(".grid-scroll").evaluate((el) => el.scrollTo(0, 5000));
    await page.waitForFunction(() => document.querySelector(".grid-scroll")!.scrollTop > 0, undefined, {
      timeout: WAIT,
    });
    const offset = await headerCell.evaluate((td) => {
      const scroller = document.querySelector(".grid-scroll")!.getBoundingClientRect();
      return td.getBoundingClientRect().top - scroller.top;
    });
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(300);
    await page.locator(".grid-scroll").evaluate((el) => el.scrollTo(0, 0));

    // the input message of a status cell
    const status = `${columnLetter(columnIndex("status"))}${FIRST_DATA_ROW}`;
    await page.locator(`td[data-address="${status}"]`).click();
    const message = page.getByTestId("input-message");
    await message.waitFor({ timeout: WAIT });
    await expect(message.textContent()).resolves.toMatch(/\S/);

    // the list's dropdown is drawn in the active status cell, at its right edge
    const cellBox = (await page.locator(`td[data-address="${status}"]`).boundingBox())!;
    const listBox = (await page.locator("#list-select").boundingBox())!;
    expect(listBox.x).toBeGreaterThanOrEqual(cellBox.x);
    expect(listBox.x + listBox.width).toBeLessThanOrEqual(cellBox.x + cellBox.width + 1);
    expect(Math.abs(listBox.y - cellBox.y)).toBeLessThanOrEqual(2);

    // French entry, as French Excel reads it: "12 000,50" is a number, "01/09/2025" the first of September
    const row = FIRST_DATA_ROW;
    const typeIn = async (field: "budget" | "start", typed: string) => {
      const address = `${columnLetter(columnIndex(field))}${row}`;
      await page.locator(`td[data-address="${address}"]`).click();
      await page.keyboard.type(typed);
      await page.keyboard.press("Enter");
      return address;
    };
    const valueOf = (address: string) =>
      page.evaluate(
        ([name, a]) =>
          (
            window as unknown as { __LIAT_HOST__: { getCell(s: string, a: string): { value: unknown } } }
          ).__LIAT_HOST__.getCell(name!, a!).value,
        [sheet, address],
      );
    const budget = await typeIn("budget", "12 000,50");
    await expect(valueOf(budget)).resolves.toBe(12000.5);
    const start = await typeIn("start", "01/09/2025");
    await expect(valueOf(start)).resolves.toBe(isoDateToSerial("2025-09-01"));
    await expect(page.locator(`td[data-address="${start}"]`).textContent()).resolves.toBe("2025-09-01");

    // F6 moves the focus to the task pane
    await page.keyboard.press("F6");
    await page.waitForFunction(() => document.activeElement?.id === "taskpane", undefined, { timeout: WAIT });

    // the active sheet's tab is in view, even the last one
    const last = page.locator(".tabs button").last();
    await last.click();
    const inView = await page.locator(".tabs").evaluate((nav) => {
      const tab = nav.querySelector('[aria-selected="true"]')!.getBoundingClientRect();
      const box = nav.getBoundingClientRect();
      return tab.left >= box.left - 1 && tab.right <= box.right + 1;
    });
    expect(inView).toBe(true);
    mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
    await page.locator(".tabs button", { hasText: sheet }).click();
    // back at A1, column A is not left under the sticky row numbers
    await page.locator('td[data-address="A1"]').click();
    const hidden = await page.evaluate(() => {
      const rowHeader = document.querySelector("table.grid tbody th.row-header")!.getBoundingClientRect();
      const a = document.querySelector('td[data-address="A5"]')!.getBoundingClientRect();
      return rowHeader.right - a.left;
    });
    expect(hidden).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(ROOT, "test-artifacts", "preview-grid-fr.png") });
    expect(browser.problems).toEqual([]);
  }, 300_000);
});
