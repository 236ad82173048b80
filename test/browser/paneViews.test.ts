/**
 * The task pane as an official meets it, in the preview page, at Office's narrow pane widths (320 and 380 px), in
 * French and English, light and dark: first run, summary, by priority, issues, setup after insertion, consolidation results,
 * interface language switched. Each state is checked for horizontal scrolling and by axe, and kept as a screenshot in
 * test-artifacts/pane-<state>-<lang>-<theme>-<width>.png.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Frame, FrameLocator, Page } from "playwright-core";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { columnIndex, columnLetter, domainSheetName, FIRST_DATA_ROW } from "../../src/core/layout";
import type { Lang } from "../../src/core/language";
import { axeViolations as axeIn, openPreviewBrowser, previewUrl, type PreviewBrowser } from "./previewBrowser";
import { ROOT } from "./previewServer";

const baseUrl = previewUrl();
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const WIDTHS = [320, 380] as const;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Generous: the machine running the tests may be loaded. */
const WAIT = 60_000;

const TEXT = {
  en: {
    insert: "Insert the LIAT sheets",
    tabs: { summary: "Summary", issues: "Issues", setup: "Setup", consolidate: "Consolidation" },
    byPriority: "By Call to Local Action priority",
    statuses: ["Sustained", "Planned", "In progress"],
    choose: "Choose workbooks to consolidate",
    language: "Interface language",
    other: "fr" as const,
    workbookLanguage: "English",
    fixed: /cannot be changed here/,
  },
  fr: {
    insert: "Insérer les feuilles LIAT",
    tabs: { summary: "Synthèse", issues: "Problèmes", setup: "Configuration", consolidate: "Consolidation" },
    byPriority: "Par priorité de l'Appel à l'action locale",
    statuses: ["Pérennisé", "Planifié", "En cours"],
    choose: "Choisir les classeurs à consolider",
    language: "Langue de l'interface",
    other: "en" as const,
    workbookLanguage: "Français",
    fixed: /ne peut donc pas être changée ici/,
  },
} as const;

let browser: PreviewBrowser;
let page: Page;
let problems: string[] = [];

// each journey gets a fresh profile: the interface language chosen in one is remembered (localStorage)
beforeEach(async () => {
  // axe measures colours: none caught in the middle of a transition
  browser = await openPreviewBrowser("pane-views", { width: 1000, height: 1600 }, { reducedMotion: true });
  ({ page, problems } = browser);
  mkdirSync(ARTIFACTS, { recursive: true });
}, WAIT);

afterEach(async () => {
  await browser?.close();
});

const pane = (): FrameLocator => browser.pane();

async function paneFrame(): Promise<Frame> {
  const handle = await page.locator("#taskpane").elementHandle({ timeout: WAIT });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("the task pane's frame is not there");
  await frame.waitForLoadState("load", { timeout: WAIT });
  return frame;
}

/** Gives the preview's task pane a width, and waits until the pane's page has it. */
async function setPaneWidth(width: number): Promise<void> {
  await page.evaluate((w) => {
    const aside = document.querySelector<HTMLElement>(".pane")!;
    aside.style.flex = `0 0 ${w}px`;
    aside.style.width = `${w}px`;
    aside.style.minWidth = `${w}px`;
  }, width);
  await (await paneFrame()).waitForFunction((w) => window.innerWidth === w, width, { timeout: WAIT });
}

async function axeViolations(): Promise<string[]> {
  return axeIn(await paneFrame());
}

/** At each width: no horizontal scrolling, no axe violation, a screenshot. */
async function shoot(state: string, lang: Lang, theme: string): Promise<void> {
  for (const width of WIDTHS) {
    await setPaneWidth(width);
    // what sticks out to the right, if anything (named, so that a failure says what to fix)
    const frame = await paneFrame();
    const overflow = await frame.evaluate(() => {
      const root = document.documentElement;
      const wide = [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]}`)
        .slice(0, 5);
      return { by: root.scrollWidth - root.clientWidth, wide };
    });
    expect({ state, width, overflow }).toEqual({ state, width, overflow: { by: 0, wide: [] } });
    // the colours axe measures are the ones that stay (openPreviewBrowser's reducedMotion)
    await expect(frame.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).resolves.toBe(true);
    expect({ state, width, violations: await axeViolations() }).toEqual({ state, width, violations: [] });
    await page
      .locator("#taskpane")
      .screenshot({ path: path.join(ARTIFACTS, `pane-${state}-${lang}-${theme}-${width}.png`) });
  }
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

/** Every number of the chart is written in full (not cut off), one decimal or "–". */
async function expectChartNumbers(count: number): Promise<void> {
  const values = pane().getByTestId("score-chart").getByTestId("chart-value");
  await expect(values.count()).resolves.toBe(count);
  const shown = await values.evaluateAll((els) =>
    els.map((el) => ({ text: el.textContent, cut: el.scrollWidth > el.clientWidth })),
  );
  for (const v of shown) {
    expect(v.cut).toBe(false);
    expect(v.text).toMatch(/^(\d+[.,]\d|–)$/);
  }
}

async function journey(lang: keyof typeof TEXT, theme: "light" | "dark"): Promise<void> {
  const t = TEXT[lang];
  await page.goto(`${baseUrl}preview.html?lang=${lang}&theme=${theme}`);

  // first run: what LIAT is, three steps, focus on the main action
  const welcome = pane().getByTestId("first-run");
  await welcome.waitFor({ timeout: WAIT });
  await setPaneWidth(320);
  const insert = welcome.getByRole("button", { name: t.insert });
  await (
    await paneFrame()
  ).waitForFunction((name) => (document.activeElement as HTMLElement | null)?.textContent === name, t.insert, {
    timeout: WAIT,
  });
  await expect(welcome.getByRole("listitem").count()).resolves.toBe(3);
  await shoot("first-run", lang, theme);

  // insert, then fill three statuses of domain 1 (two without a responsible service: issues)
  await insert.click();
  await pane().getByTestId("overall").waitFor({ timeout: WAIT });
  await page.locator(".tabs button", { hasText: domainSheetName(1, lang) }).click();
  const status = columnLetter(columnIndex("status"));
  for (const [i, s] of t.statuses.entries()) await typeInto(`${status}${FIRST_DATA_ROW + i}`, s);
  // (100 + 25 + 50) / 3 = 58.3: one decimal, the separator of the language
  const expected = lang === "fr" ? "58,3" : "58.3";
  await pane()
    .getByTestId("domain-1")
    .getByTestId("score")
    .filter({ hasText: new RegExp(`^${expected}$`) })
    .waitFor({ timeout: WAIT });
  await expectChartNumbers(6);
  // a domain with nothing filled lists one count (blank), not seven
  await expect(pane().getByTestId("domain-2").locator("[data-status]").count()).resolves.toBe(1);
  await shoot("summary", lang, theme);

  await pane().getByRole("switch", { name: t.byPriority }).click();
  await pane().getByTestId("priority-8").waitFor({ timeout: WAIT });
  await expectChartNumbers(8);
  await shoot("by-priority", lang, theme);

  // the Issues tab shows its count
  const issuesTab = pane().getByTestId("tab-issues");
  await issuesTab.filter({ hasText: /\(\d+\)$/ }).waitFor({ timeout: WAIT });
  const tabCount = Number(/\((\d+)\)$/.exec((await issuesTab.textContent()) ?? "")![1]);
  await issuesTab.click();
  await pane().getByTestId("issues-total").waitFor({ timeout: WAIT });
  await expect(pane().locator("[data-issue-id]").count()).resolves.toBe(tabCount);
  await shoot("issues", lang, theme);

  // setup after insertion: what the workbook holds, the language fixed with its reason
  await pane().getByRole("tab", { name: t.tabs.setup }).click();
  await pane().getByTestId("workbook-contents").waitFor({ timeout: WAIT });
  await expect(pane().getByTestId("domains-present").textContent()).resolves.toMatch(/^6 /);
  await expect(pane().getByTestId("workbook-language").textContent()).resolves.toBe(t.workbookLanguage);
  await expect(pane().getByText(t.fixed).count()).resolves.toBe(1);
  await shoot("setup", lang, theme);

  // consolidation results: one workbook received back, with a long file name
  await pane().getByRole("tab", { name: t.tabs.consolidate }).click();
  await pane().getByRole("button", { name: t.choose }).waitFor({ timeout: WAIT });
  const received = await writeLiatWorkbook({
    lang,
    city: "Villeurbanne",
    period: "2025",
    entries: { "1.1.1": { status: t.statuses[0], responsible: "Mairie", evidence: "https://example.org" } },
  });
  await pane()
    .getByTestId("consolidate-files")
    .setInputFiles([{ name: "villeurbanne-retour-direction-solidarites.xlsx", mimeType: XLSX, buffer: received }]);
  await pane().getByTestId("consolidate-outcome").waitFor({ timeout: WAIT });
  await shoot("consolidate", lang, theme);

  // the interface language switched: the pane speaks the other language, the workbook keeps its own
  const other = TEXT[t.other];
  await pane().getByRole("combobox", { name: t.language }).selectOption(t.other);
  await pane().getByRole("tab", { name: other.tabs.setup }).click();
  await pane().getByTestId("workbook-contents").waitFor({ timeout: WAIT });
  await expect(pane().getByTestId("workbook-language").textContent()).resolves.toBe(t.workbookLanguage);
  await expect((await paneFrame()).evaluate(() => document.documentElement.lang)).resolves.toBe(t.other);
  await shoot("language-switched", lang, theme);
  expect(problems).toEqual([]);
}

describe("task pane views at 320 and 380 px", () => {
  it.each([
    ["en", "light"],
    ["fr", "dark"],
    ["fr", "light"],
    ["en", "dark"],
  ] as const)(
    "%s, %s theme: every view readable, no horizontal scroll, no axe violation",
    async (lang, theme) => {
      await journey(lang, theme);
    },
    600_000,
  );
});
