/**
 * The preview page switched to Spanish from its own language links, and a Spanish journey in it: insert the sheets
 * from the first-run screen, type statuses in Spanish in the grid, read the summary and the issues in Spanish. axe in
 * the real browser; screenshot: test-artifacts/preview-es.png.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Frame, Page } from "playwright-core";
import { columnIndex, columnLetter, domainSheetName, FIRST_DATA_ROW } from "../../src/core/layout";
import { axeViolations, openPreviewBrowser, previewUrl, type PreviewBrowser } from "./previewBrowser";
import { ROOT } from "./previewServer";

const ARTIFACTS = path.join(ROOT, "test-artifacts");
/** Generous: the machine running the tests may be loaded. */
const WAIT = 60_000;

let browser: PreviewBrowser;
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  browser = await openPreviewBrowser("spanish", { width: 1400, height: 1400 });
  ({ page, problems } = browser);
  mkdirSync(ARTIFACTS, { recursive: true });
}, WAIT);

afterAll(async () => {
  await browser?.close();
});

const pane = () => browser.pane();

async function paneFrame(): Promise<Frame> {
  const frame = await (await page.locator("#taskpane").elementHandle({ timeout: WAIT }))?.contentFrame();
  if (!frame) throw new Error("the task pane's frame is not there");
  await frame.waitForLoadState("load", { timeout: WAIT });
  return frame;
}

async function typeInto(address: string, text: string): Promise<void> {
  await page.locator(`td[data-address="${address}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    ([a, t]) => document.querySelector(`td[data-address="${a}"]`)?.textContent === t,
    [address, text] as const,
    { timeout: WAIT },
  );
}

test("the preview page switches to Spanish; insert, statuses typed in Spanish, summary and issues in Spanish", async () => {
  await page.goto(`${previewUrl()}preview.html`);
  await expect(page.locator("h1").textContent()).resolves.toBe("LIAT for Excel — preview");

  // the page's own language link
  await page.getByRole("link", { name: "Español" }).click();
  await page.locator("h1", { hasText: "LIAT para Excel — vista previa" }).waitFor({ timeout: WAIT });
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");

  // first run in Spanish, then insert
  const welcome = pane().getByTestId("first-run");
  await welcome.getByRole("heading", { name: "Bienvenido a LIAT" }).waitFor({ timeout: WAIT });
  await welcome.getByRole("button", { name: "Insertar las hojas LIAT" }).click();
  await pane().getByTestId("overall").waitFor({ timeout: WAIT });
  await expect((await paneFrame()).evaluate(() => document.documentElement.lang)).resolves.toBe("es");

  // statuses typed in Spanish on the first domain's sheet, which has its Spanish name
  await page.locator(".tabs button", { hasText: domainSheetName(1, "es") }).click();
  const status = columnLetter(columnIndex("status"));
  const statuses = ["Consolidado", "Planificado", "En curso"];
  for (const [i, s] of statuses.entries()) await typeInto(`${status}${FIRST_DATA_ROW + i}`, s);

  // the summary in Spanish: (100 + 25 + 50) / 3 = 58,3 with Spanish's decimal comma
  const card = pane().getByTestId("domain-1");
  await card
    .getByTestId("score")
    .filter({ hasText: /^58,3$/ })
    .waitFor({ timeout: WAIT });
  await expect(pane().getByRole("heading", { name: "Ámbitos de actuación" }).count()).resolves.toBe(1);
  await expect(pane().getByRole("tab", { name: "Resumen" }).getAttribute("aria-selected")).resolves.toBe("true");
  await card
    .getByTestId("issues")
    .filter({ hasText: /^\d+ problemas abiertos$/ })
    .waitFor({ timeout: WAIT });

  // the issues in Spanish: the tab counts them, each message is the Spanish one
  const issuesTab = pane().getByTestId("tab-issues");
  await issuesTab.filter({ hasText: /\(\d+\)$/ }).waitFor({ timeout: WAIT });
  // the tab's accessible name, as a screen reader says it (Fluent draws the label twice, once hidden, for its width)
  const tabName = await pane()
    .getByRole("tab", { name: /^Problemas \(\d+\)$/ })
    .evaluate((el) => el.getAttribute("aria-label") ?? el.querySelector(".fui-Tab__content")?.textContent ?? "");
  const count = Number(/\((\d+)\)$/.exec(tabName)![1]);
  // Consolidado needs a responsible service and evidence, Planificado and En curso a responsible service
  expect(count).toBe(4);
  await issuesTab.click();
  await pane().getByTestId("issues-total").waitFor({ timeout: WAIT });
  await expect(pane().locator("[data-issue-id]").count()).resolves.toBe(count);
  await expect(
    pane().getByText("Indique el servicio responsable (obligatorio a partir de «Planificado»).").count(),
  ).resolves.toBe(3);
  await expect(
    pane()
      .getByText(`Hoja ${domainSheetName(1, "es")}`)
      .count(),
  ).resolves.toBeGreaterThan(0);

  // axe in the real browser, on the whole pane in Spanish
  expect(await axeViolations(await paneFrame())).toEqual([]);

  await page.screenshot({ path: path.join(ARTIFACTS, "preview-es.png") });
  expect(problems).toEqual([]);
}, 300_000);
