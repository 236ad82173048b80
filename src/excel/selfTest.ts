/**
 * "Check this Excel": runs the add-in's real operations in a blank workbook and reports what works, with the Excel
 * version, platform and supported requirement sets, for an IT person to send back after deploying.
 *
 * It needs a workbook without LIAT sheets (a new blank one): the add-in cannot work in a workbook it would open
 * itself (Excel.createWorkbook opens another window, where the add-in is not running), so Setup offers to open one
 * and the check runs there. Every sheet, name and setting it adds is removed at the end, whatever failed.
 * Steps: insert the sheets, typed values read back as the core reads them, validation (issues and the native Check
 * column's text), the live summary following an edit, the LIAT.* functions computing known values, consolidation
 * of a generated workbook, navigation to a domain and to an issue. Each step is independent: one failure does not
 * stop the others.
 */
import type { DomainId } from "../core/catalogueTypes";
import { consolidate, inLanguage } from "../core/consolidate";
import { ENTRY_FIELDS, type RawEntry } from "../core/entrySchema";
import type { Lang } from "../core/language";
import { text, type TextParams } from "../core/i18n/texts";
import {
  PROTECTION_OPTIONS,
  columnIndex,
  columnLetter,
  domainSheetLayout,
  domainSheetName,
  entryHeaders,
} from "../core/layout";
import { checkColumnText } from "../core/nativeChecks";
import { STATUS_SCALE } from "../core/status";
import { CONSOLIDATION_SHEETS, writeConsolidation } from "./consolidation";
import { excelApi, runExcel } from "./excelApi";
import { LiatError, toLiatError } from "./liatError";
import { insertLiat } from "./insert";
import { createLiveValidator } from "./live";
import { activateDomain, selectIssue } from "./navigate";
import { forgetSheets } from "./snapshot";
import { validateWorkbook } from "./validate";
import { readSummary } from "./workbookStatus";

export const SELF_TEST_STEPS = [
  "requirements",
  "insert",
  "values",
  "validation",
  "liveSummary",
  "functions",
  "consolidation",
  "navigation",
  "cleanup",
] as const;
export type SelfTestStepId = (typeof SELF_TEST_STEPS)[number];

export interface SelfTestStep {
  id: SelfTestStepId;
  ok: boolean;
  /** What was found, in plain words, in the language the check ran in. */
  detail: string;
}

export interface SelfTestReport {
  /** ISO date and time the check ran. */
  ranAt: string;
  host: string;
  platform: string;
  version: string;
  /** Highest supported version of each requirement set asked about; null when not supported. */
  sets: { name: string; version: string | null }[];
  steps: SelfTestStep[];
  ok: boolean;
}

/** The requirement sets asked about, with the versions that exist (README "Which Excel"). */
const SETS: { name: string; versions: string[] }[] = [
  { name: "ExcelApi", versions: Array.from({ length: 20 }, (_, i) => `1.${i + 1}`) },
  { name: "ExcelApiOnline", versions: ["1.1"] },
  { name: "ExcelApiDesktop", versions: ["1.1"] },
  { name: "CustomFunctionsRuntime", versions: ["1.1", "1.2", "1.3", "1.4", "1.5"] },
  { name: "SharedRuntime", versions: ["1.1"] },
];
/** What manifest.xml declares: the check fails where one is missing. */
const DECLARED: Record<string, string> = { ExcelApi: "1.9", CustomFunctionsRuntime: "1.2", SharedRuntime: "1.1" };

/** Statuses typed into the first domain (levels 4, 1, N/A, blank, 3): score 100·(4+1+3)/(3·4) = 66.67 with 3 assessed. */
const TYPED = [STATUS_SCALE[4]!.label.fr, "Planned", "N/A", "", "3"];
const TYPED_SCORE = (100 * (4 + 1 + 3)) / 12;

type OfficeLike = {
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    diagnostics?: { host?: string; platform?: string; version?: string };
  };
};

function office(): OfficeLike | undefined {
  return (globalThis as unknown as { Office?: OfficeLike }).Office;
}

function supportedSets(): SelfTestReport["sets"] {
  const req = office()?.context?.requirements;
  return SETS.map(({ name, versions }) => {
    let found: string | null = null;
    for (const v of versions) {
      try {
        if (req?.isSetSupported(name, v)) found = v;
      } catch {
        // an Excel that throws on an unknown set: not supported
      }
    }
    return { name, version: found };
  });
}

function messageOf(error: unknown, lang: Lang): string {
  if (error instanceof LiatError) return error.localized[lang];
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * A step's detail in the check's language (namespace selfTest: bundled with the pages, unlike the pane's own texts,
 * which the pane loads for its interface language only).
 */
const detail = (lang: Lang, key: string, params: TextParams = {}) => text(lang, `selfTest:${key}`, params);

const near = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) < 1e-9;

/** Waits until `check` is true (polling), or fails after `ms` with the message given. */
async function until(check: () => boolean, ms: number, timedOut: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(timedOut);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Inventory {
  sheets: string[];
  names: string[];
  /** Custom document properties (key and value): inserting writes the schema version there. */
  properties: Map<string, unknown>;
}

/** The sheets, names and custom document properties of the workbook, to remove what the check adds. */
async function inventory(): Promise<Inventory> {
  return runExcel(async (b) => {
    const sheets = b.context.workbook.worksheets.load("items/name");
    const names = b.context.workbook.names.load("items/name");
    const properties = b.context.workbook.properties.custom.load("items/key,items/value");
    await b.sync();
    return {
      sheets: sheets.items.map((s) => s.name),
      names: names.items.map((n) => n.name),
      properties: new Map(properties.items.map((p) => [p.key, p.value as unknown])),
    };
  });
}

/** Whether the check can run here: a workbook without LIAT sheets (checked before anything is written). */
export async function canRunSelfTest(): Promise<boolean> {
  const { sheets } = await inventory();
  return !sheets.some((s) => s.startsWith("LIAT") || /^[1-6] /.test(s) || s === CONSOLIDATION_SHEETS.consolidation.en);
}

/** Opens a new blank workbook in Excel (ExcelApi 1.8), where the user opens LIAT and runs the check. */
export async function openBlankWorkbook(): Promise<void> {
  try {
    await excelApi().createWorkbook();
  } catch (error) {
    throw toLiatError(error);
  }
}

/** Runs the whole check in the open workbook, which must have no LIAT sheets (canRunSelfTest). */
export async function runSelfTest(lang: Lang): Promise<SelfTestReport> {
  const diagnostics = office()?.context?.diagnostics;
  const sets = supportedSets();
  const steps: SelfTestStep[] = [];
  const step = async (id: SelfTestStepId, body: () => Promise<string>) => {
    try {
      steps.push({ id, ok: true, detail: await body() });
    } catch (error) {
      steps.push({ id, ok: false, detail: messageOf(error, lang) });
    }
  };
  const before = await inventory();
  const sheet1 = domainSheetName(1, lang);
  const statusCol = columnLetter(columnIndex("status"));
  const responsibleCol = columnLetter(columnIndex("responsible"));
  const checkCol = columnLetter(columnIndex("check"));
  const first = domainSheetLayout(1, lang).firstRow;

  await step("requirements", async () => {
    const missing = Object.entries(DECLARED).filter(
      ([name, min]) => !office()?.context?.requirements?.isSetSupported(name, min),
    );
    if (missing.length > 0) {
      throw new Error(detail(lang, "missingSets", { sets: missing.map(([n, v]) => `${n} ${v}`).join(", ") }));
    }
    return Object.entries(DECLARED)
      .map(([n, v]) => `${n} ${v}`)
      .join(", ");
  });

  await step("insert", async () => {
    const result = await insertLiat({ lang, city: "LIAT self-test", period: "2025" });
    if (result.created.length < 7) throw new Error(detail(lang, "tooFewSheets", { count: result.created.length }));
    return detail(lang, "sheetsCreated", { count: result.created.length });
  });

  await step("values", async () => {
    await runExcel(async (b) => {
      const ws = b.context.workbook.worksheets.getItem(sheet1);
      ws.protection.unprotect();
      ws.getRange(`${statusCol}${first}:${statusCol}${first + TYPED.length - 1}`).values = TYPED.map((s) => [s]);
      ws.getRange(`${responsibleCol}${first}:${responsibleCol}${first + TYPED.length - 1}`).values = TYPED.map(
        (s, i) => [s === "" || i === 1 ? "" : "Service"],
      );
      ws.protection.protect(PROTECTION_OPTIONS);
      await b.sync();
    });
    const summary = await readSummary();
    const d1 = summary.domains.find((d) => d.domain === 1);
    if (!near(d1?.score, TYPED_SCORE)) {
      throw new Error(detail(lang, "wrongScore", { got: String(d1?.score), expected: TYPED_SCORE }));
    }
    return detail(lang, "score", { score: TYPED_SCORE.toFixed(2) });
  });

  await step("validation", async () => {
    // row 2 (Planned, no responsible service) breaks one rule
    const issues = await validateWorkbook();
    const row = first + 1;
    const found = issues.find((i) => i.sheet === sheet1 && i.address === `${responsibleCol}${row}`);
    if (!found) throw new Error(detail(lang, "noIssue", { cell: `${sheet1}!${responsibleCol}${row}` }));
    const cells = await runExcel(async (b) => {
      const ws = b.context.workbook.worksheets.getItem(sheet1);
      const entries = ws.getRange(`${statusCol}${row}:${columnLetter(columnIndex("comments"))}${row}`).load("values");
      const check = ws.getRange(`${checkCol}${row}`).load("values");
      await b.sync();
      return { entries: entries.values[0]!, check: check.values[0]![0] };
    });
    const raw: RawEntry = {};
    ENTRY_FIELDS.forEach((f) => (raw[f] = cells.entries[columnIndex(f) - columnIndex("status")] as RawEntry[typeof f]));
    const expected = checkColumnText(raw, lang, entryHeaders(lang));
    if (cells.check !== expected) {
      throw new Error(detail(lang, "wrongCheck", { got: String(cells.check), expected }));
    }
    return detail(lang, "issues", { count: issues.length, check: expected });
  });

  await step("liveSummary", async () => {
    let latest: number | null | undefined;
    const live = createLiveValidator({
      onUpdate: (u) => (latest = u.summary.domains.find((d) => d.domain === 1)?.score),
    });
    try {
      await live.ready;
      await until(() => latest !== undefined, 10_000, detail(lang, "timedOutFirst"));
      await runExcel(async (b) => {
        const ws = b.context.workbook.worksheets.getItem(sheet1);
        ws.protection.unprotect();
        ws.getRange(`${statusCol}${first + 3}`).values = [["Sustained"]];
        ws.protection.protect(PROTECTION_OPTIONS);
        await b.sync();
      });
      const expected = (100 * (4 + 1 + 4 + 3)) / 16;
      await until(() => near(latest, expected), 10_000, detail(lang, "timedOutFollow"));
      return detail(lang, "followed", { score: expected.toFixed(2) });
    } finally {
      await live.dispose();
    }
  });

  await step("functions", async () => {
    const scratch = "LIAT_SelfTest";
    const formulas = [
      ['=LIAT.SCORE({"Sustained","Planned"})', 62.5],
      [`=LIAT.LEVEL("${STATUS_SCALE[3]!.label.fr}")`, 3],
      ['=LIAT.RATING("66,67")', "Established"],
      ["=LIAT.PROGRESS(0,10,5)", 0.5],
    ] as const;
    const values = await runExcel(async (b) => {
      const ws = b.context.workbook.worksheets.add(scratch);
      const range = ws.getRange(`A1:A${formulas.length}`);
      range.formulas = formulas.map(([f]) => [f]);
      range.load("values");
      await b.sync();
      return range.values.map((r) => r[0]);
    });
    const wrong = formulas.filter(([, expected], i) =>
      typeof expected === "number" ? !near(values[i], expected) : values[i] !== expected,
    );
    if (wrong.length > 0) {
      throw new Error(
        wrong
          .map(([f]) =>
            detail(lang, "formulaGave", { formula: f, value: String(values[formulas.findIndex((x) => x[0] === f)]) }),
          )
          .join("; "),
      );
    }
    return detail(lang, "formulas", { count: formulas.length });
  });

  await step("consolidation", async () => {
    const layout = domainSheetLayout(2, lang);
    const statusAt = columnIndex("status");
    const rows = [
      layout.headers,
      ...layout.rows.map((r, i) => r.map((v, c) => (c === statusAt ? ["Planned", "Sustained", ""][i % 3]! : v))),
    ];
    const result = consolidate([
      { fileName: "self-test.xlsx", sheets: [{ name: layout.name, rows, top: layout.firstRow - 2 }] },
    ]);
    const written = await writeConsolidation(inLanguage(result, lang));
    if (result.rows.length !== layout.rows.length) {
      throw new Error(detail(lang, "wrongRows", { count: result.rows.length, expected: layout.rows.length }));
    }
    return detail(lang, "consolidated", { rows: result.rows.length, count: written.syncs });
  });

  await step("navigation", async () => {
    await activateDomain(3 as DomainId);
    const issues = await validateWorkbook();
    if (issues[0]) await selectIssue(issues[0]);
    const where = await runExcel(async (b) => {
      const active = b.context.workbook.worksheets.getActiveWorksheet().load("name");
      const selected = b.context.workbook.getSelectedRange().load("address");
      await b.sync();
      return { sheet: active.name, address: selected.address };
    });
    if (issues[0] && !where.address.endsWith(`!${issues[0].address}`)) {
      throw new Error(
        detail(lang, "wrongSelection", { got: where.address, expected: `${issues[0].sheet}!${issues[0].address}` }),
      );
    }
    return detail(lang, "navigated", { address: where.address });
  });

  await step("cleanup", async () => {
    const after = await inventory();
    const addedSheets = after.sheets.filter((s) => !before.sheets.includes(s));
    const addedNames = after.names.filter((n) => !before.names.includes(n));
    const addedProperties = [...after.properties.keys()].filter((k) => !before.properties.has(k));
    const changedProperties = [...before.properties].filter(
      ([k, v]) => after.properties.has(k) && after.properties.get(k) !== v,
    );
    await runExcel(async (b) => {
      const wb = b.context.workbook;
      for (const k of addedProperties) wb.properties.custom.getItem(k).delete();
      for (const [k, v] of changedProperties) wb.properties.custom.add(k, v);
      // a blank sheet first, so that the workbook never runs out of visible sheets
      if (before.sheets.length === 0) wb.worksheets.add();
      for (const n of addedNames) wb.names.getItem(n).delete();
      for (const s of addedSheets) {
        const ws = wb.worksheets.getItem(s);
        ws.visibility = "Visible";
        ws.delete();
      }
      await b.sync();
    });
    forgetSheets();
    return detail(lang, "removed", {
      sheets: addedSheets.length,
      names: addedNames.length,
      properties: addedProperties.length,
      restored: changedProperties.length,
    });
  });

  return {
    ranAt: new Date().toISOString(),
    host: diagnostics?.host ?? "unknown",
    platform: diagnostics?.platform ?? "unknown",
    version: diagnostics?.version ?? "unknown",
    sets,
    steps,
    ok: steps.every((s) => s.ok),
  };
}

/** The report as plain text, ready to paste into an email. */
export function selfTestReportText(report: SelfTestReport, labels: Record<SelfTestStepId, string>): string {
  const lines = [
    `LIAT — ${report.ok ? "PASS" : "FAIL"} — ${report.ranAt}`,
    `Excel ${report.version} (${report.host}, ${report.platform})`,
    `API: ${report.sets.map((s) => `${s.name} ${s.version ?? "-"}`).join(", ")}`,
    "",
    ...report.steps.map((s) => `${s.ok ? "✓" : "✗"} ${labels[s.id]}: ${s.detail}`),
  ];
  return lines.join("\n");
}
