/**
 * The real task pane in the preview page (simulated workbook, in-memory host): insert the sheets from the
 * pane, fill statuses in the grid, watch the summary change, click an issue and see its cell selected.
 * Screenshots of the filled summary in English, French and Spanish go to test-artifacts/summary-{en,fr,es}.png.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import type { DomainId } from "../../src/core/catalogueTypes";
import type { Lang } from "../../src/core/language";
import { columnIndex, columnLetter, domainSheetName, FIRST_DATA_ROW, type ColumnKey } from "../../src/core/layout";
import { axeViolations, openPreviewBrowser, previewUrl, type PreviewBrowser } from "./previewBrowser";
import { ROOT } from "./previewServer";

const baseUrl = previewUrl();
const ARTIFACTS = path.join(ROOT, "test-artifacts");

const TEXT = {
  en: {
    setup: "Setup",
    summary: "Summary",
    issues: "Issues",
    insert: "Insert the LIAT sheets",
    done: "Done",
    statuses: ["Sustained", "Implemented", "In progress", "Planned", "Not started", "Not applicable"],
    responsible: "Responsible service",
    evidence: "https://example.org/report",
  },
  fr: {
    setup: "Configuration",
    summary: "Synthèse",
    issues: "Problèmes",
    insert: "Insérer les feuilles LIAT",
    done: "Terminé",
    statuses: ["Pérennisé", "Mis en œuvre", "En cours", "Planifié", "Non commencé", "Non applicable"],
    responsible: "Service responsable",
    evidence: "https://example.org/rapport",
  },
  es: {
    setup: "Configuración",
    summary: "Resumen",
    issues: "Problemas",
    insert: "Insertar las hojas LIAT",
    done: "Hecho",
    statuses: ["Consolidado", "Implementado", "En curso", "Planificado", "No iniciado", "No aplicable"],
    responsible: "Servicio responsable",
    evidence: "https://example.org/informe",
  },
} as const;

let browser: PreviewBrowser;
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  browser = await openPreviewBrowser("taskpane", { width: 1400, height: 900 });
  ({ page, problems } = browser);
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function pane(): FrameLocator {
  return browser.pane();
}

function entryAddress(n: number, column: ColumnKey): string {
  return `${columnLetter(columnIndex(column))}${FIRST_DATA_ROW + n}`;
}

async function openSheet(name: string): Promise<void> {
  await page.locator(".tabs button", { hasText: name }).click();
  await page.locator(".tabs button[aria-selected=true]", { hasText: name }).waitFor();
}

async function typeInto(address: string, text: string): Promise<void> {
  await page.locator(`td[data-address="${address}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.waitForFunction(([a, t]) => document.querySelector(`td[data-address="${a}"]`)?.textContent === t, [
    address,
    text,
  ] as const);
}

/** Opens the preview in a language, inserts the sheets from the pane, and fills statuses in two domains. */
async function insertAndFill(lang: keyof typeof TEXT): Promise<void> {
  const t = TEXT[lang];
  await page.goto(`${baseUrl}preview.html?lang=${lang}`);
  await pane().getByRole("tab", { name: t.setup }).click();
  await pane().getByRole("button", { name: t.insert }).click();
  await pane().getByTestId("setup-outcome").getByText(t.done).waitFor({ timeout: 30_000 });
  await pane().getByRole("tab", { name: t.summary }).click();
  await pane().getByTestId("overall-score").waitFor();
  await expect(pane().getByTestId("overall-score").textContent()).resolves.toBe("–");

  /** Rows from the first objective on: a status, and whether to complete the row (responsible, evidence). */
  const fill = async (domain: DomainId, rows: readonly (readonly [string, boolean])[]) => {
    await openSheet(domainSheetName(domain, lang));
    for (const [n, [status, complete]] of rows.entries()) {
      await typeInto(entryAddress(n, "status"), status);
      if (complete) {
        await typeInto(entryAddress(n, "responsible"), t.responsible);
        await typeInto(entryAddress(n, "evidence"), t.evidence);
      }
    }
  };
  const [sustained, implemented, inProgress, planned, notStarted, na] = t.statuses;
  // domain 1: 100, 75, 50, 25 (no responsible service: the one issue), 0
  await fill(1, [
    [sustained, true],
    [implemented, true],
    [inProgress, true],
    [planned, false],
    [notStarted, false],
  ]);
  // domain 2: 75, 50, 50
  await fill(2, [
    [implemented, true],
    [inProgress, true],
    [inProgress, true],
  ]);
  // domain 3: 100, N/A
  await fill(3, [
    [sustained, true],
    [na, false],
  ]);
}

/** Waits until the locator's whole text is `text`. */
async function expectText(locator: ReturnType<FrameLocator["getByTestId"]>, text: string): Promise<void> {
  const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
  await locator
    .filter({ hasText: exact })
    .waitFor({ timeout: 30_000 })
    .catch(async () => {
      throw new Error(`expected text "${text}", found "${await locator.textContent()}"`);
    });
}

async function summaryScreenshot(lang: Lang): Promise<void> {
  // a tall viewport so that the pane shows the whole summary, chart included
  await page.setViewportSize({ width: 1400, height: 2300 });
  await pane().getByTestId("score-chart").waitFor();
  await page.locator("#taskpane").screenshot({ path: path.join(ARTIFACTS, `summary-${lang}.png`) });
  await page.setViewportSize({ width: 1400, height: 900 });
}

describe("task pane in the preview page", () => {
  it("inserts the sheets, follows the statuses typed in the grid, and selects an issue's cell", async () => {
    await insertAndFill("en");
    // domain 1: (100 + 75 + 50 + 25 + 0) / 5 = 50; domain 2: (75 + 50 + 50) / 3 = 58.3; domain 3: 100 (N/A left out)
    const card = (d: number) => pane().getByTestId(`domain-${d}`);
    await expectText(card(1).getByTestId("score"), "50.0");
    await expectText(card(2).getByTestId("score"), "58.3");
    await expectText(card(3).getByTestId("score"), "100.0");
    await expectText(card(1).getByTestId("rating"), "Established");
    await expect(card(3).getByTestId("coverage").textContent()).resolves.toMatch(/^Coverage: 1 \/ 4 assessed/);
    // overall: (50 + 58.33 + 100) / 3 = 69.4
    await expectText(pane().getByTestId("overall-score"), "69.4");
    await expectText(card(1).getByTestId("issues"), "1 open issue");
    // the lazily loaded chart shows one bar per domain
    const chart = pane().getByTestId("score-chart");
    await chart.waitFor();
    await expect(chart.textContent()).resolves.toContain("Governance");
    await summaryScreenshot("en");

    // axe-core in the real browser, real chart included (colour contrast can be judged here)
    const frame = page.frames().find((f) => f.url().includes("taskpane.html"))!;
    const violations = await axeViolations(frame);
    expect(violations).toEqual([]);

    // a click on a domain card opens its sheet
    await card(2).getByTestId("coverage").click();
    await page.locator(".tabs button[aria-selected=true]", { hasText: domainSheetName(2, "en") }).waitFor();

    // the issue: "Planned" without a responsible service, on objective #4 of domain 1
    await pane().getByRole("tab", { name: "Issues" }).click();
    const responsible = entryAddress(3, "responsible");
    const issue = pane().getByRole("button", { name: new RegExp(`Cell ${responsible}\\b`) });
    await issue.click();
    await page.locator(".tabs button[aria-selected=true]", { hasText: domainSheetName(1, "en") }).waitFor();
    await page.locator(`td[data-address="${responsible}"][aria-selected="true"]`).waitFor();
    await expect(page.locator("#name-box").textContent()).resolves.toBe(responsible);

    // fixing it in the grid empties the list
    await typeInto(responsible, "Mayor's office");
    await pane().getByText("No issues: every entry is valid.").waitFor();

    // arrow keys move between the pane's tabs
    await pane().getByRole("tab", { name: "Issues" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(
      pane()
        .getByRole("tab", { name: "Setup" })
        .evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    expect(problems).toEqual([]);
  }, 240_000);

  it("shows the summary in French for a French workbook", async () => {
    await insertAndFill("fr");
    await expectText(pane().getByTestId("domain-1").getByTestId("score"), "50,0");
    await expectText(pane().getByTestId("domain-1").getByTestId("rating"), "Établi");
    await expectText(pane().getByTestId("overall-score"), "69,4");
    await expect(pane().getByRole("heading", { name: "Domaines d'action" }).count()).resolves.toBe(1);
    await summaryScreenshot("fr");
    expect(problems).toEqual([]);
  }, 240_000);
});
