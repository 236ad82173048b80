/**
 * The one seam between the task pane's views and the workbook operations (src/excel). Views get a
 * WorkbookApi from React context (WorkbookApiContext), so tests can put the real implementation
 * over the in-memory host, or anything else, behind them.
 */
import type { DomainId } from "../core/catalogueTypes";

import type { Lang } from "../core/language";
import type { InsertOptions, InsertResult, LiveUpdate, ValidationIssue, WorkbookStatus } from "../excel/types";
import type { ClosePeriodOptions, ClosePeriodResult } from "../excel/closePeriod";
import type { ConsolidationOutput } from "../excel/consolidation";
import { createLiveValidator } from "../excel/live";
import { activateDomain, selectCell, selectIssue } from "../excel/navigate";
import type { PeriodsRead } from "../excel/periods";
import type { SelfTestReport } from "../excel/selfTest";
import { getWorkbookStatus } from "../excel/workbookStatus";

/**
 * Operations the first view does not need are loaded when first used (each its own chunk), so that
 * the pane's initial JavaScript carries only the status, live summary and navigation.
 */
const later = {
  insert: () => import(/* webpackChunkName: "op-insert" */ "../excel/insert"),
  settings: () => import(/* webpackChunkName: "op-settings" */ "../excel/settings"),
  consolidation: () => import(/* webpackChunkName: "op-consolidation" */ "../excel/consolidation"),
  periods: () => import(/* webpackChunkName: "op-periods" */ "../excel/periods"),
  closePeriod: () => import(/* webpackChunkName: "op-close-period" */ "../excel/closePeriod"),
  selfTest: () => import(/* webpackChunkName: "op-self-test" */ "../excel/selfTest"),
};

export interface LiveSubscription {
  dispose(): void | Promise<void>;
}

export interface WorkbookApi {
  /** What the workbook holds: LIAT or not, schema version, domains present and missing, settings. */
  getStatus(): Promise<WorkbookStatus>;
  /** Validates everything once, then reports after every change (incrementally) until disposed. */
  watch(onUpdate: (update: LiveUpdate) => void, onError: (error: unknown) => void): LiveSubscription;
  /** Inserts the sheets (never overwrites a filled one; upgrades an older workbook). */
  insert(options: InsertOptions): Promise<InsertResult>;
  /** City and period; the language is fixed once the sheets are inserted (changing it alone would mix languages). */
  saveSettings(settings: { city: string; period: string }): Promise<void>;
  selectIssue(issue: ValidationIssue): Promise<void>;
  activateDomain(domain: DomainId): Promise<void>;
  /**
   * Opens the consolidation sheets for writing in `lang` (rows written as the workbooks received back are read,
   * replacing earlier rows source by source); refuses a sheet of that name that is not a consolidation.
   */
  openConsolidation(lang: Lang): Promise<ConsolidationOutput>;
  /** Activates a sheet and selects a cell (default A1). */
  openSheet(sheet: string, address?: string): Promise<void>;
  /** The closed periods of the history table and the current statuses. */
  readPeriods(): Promise<PeriodsRead>;
  /** Closes the reporting period (records it in the history, starts the next one). */
  closePeriod(options: ClosePeriodOptions): Promise<ClosePeriodResult>;
  /** Whether "Check this Excel" can run here (a workbook without LIAT sheets). */
  canCheckExcel(): Promise<boolean>;
  /** Runs the add-in's operations in this blank workbook, removes what it added, and reports. */
  checkExcel(lang: Lang): Promise<SelfTestReport>;
  /** Opens a new blank workbook (Excel.createWorkbook) for the check. */
  openBlankWorkbook(): Promise<void>;
}

/** The implementation over src/excel (Excel.run against Office, or the in-memory host). */
export function createExcelWorkbookApi(): WorkbookApi {
  return {
    getStatus: getWorkbookStatus,
    watch: (onUpdate, onError) => createLiveValidator({ onUpdate, onError }),
    insert: async (options) => (await later.insert()).insertLiat(options),
    saveSettings: async (settings) => (await later.settings()).saveSettings(settings),
    selectIssue,
    activateDomain,
    openConsolidation: async (lang) => (await later.consolidation()).openConsolidationOutput(lang),
    openSheet: (sheet, address = "A1") => selectCell(sheet, address),
    readPeriods: async () => (await later.periods()).readPeriods(),
    closePeriod: async (options) => (await later.closePeriod()).closePeriod(options),
    canCheckExcel: async () => (await later.selfTest()).canRunSelfTest(),
    checkExcel: async (lang) => (await later.selfTest()).runSelfTest(lang),
    openBlankWorkbook: async () => (await later.selfTest()).openBlankWorkbook(),
  };
}
