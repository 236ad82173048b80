/**
 * The one seam between the task pane's views and the workbook operations (src/excel). Views get a
 * WorkbookApi from React context (WorkbookApiContext), so tests can put the real implementation
 * over the in-memory host, or anything else, behind them.
 */
import type { DomainId } from "../core/catalogueTypes";
import type { ConsolidationResult } from "../core/consolidate";
import type { Lang } from "../core/language";
import type { InsertOptions, InsertResult, LiveUpdate, ValidationIssue, WorkbookStatus } from "../excel/types";
import {
  activateDomain,
  closePeriod,
  createLiveValidator,
  readPeriods,
  type ClosePeriodOptions,
  type ClosePeriodResult,
  type PeriodsRead,
  getWorkbookStatus,
  insertLiat,
  saveSettings,
  selectIssue,
  selectCell,
} from "../excel/workbookOperations";
import { writeConsolidation, type ConsolidationWriteResult } from "../excel/consolidation";
import { canRunSelfTest, openBlankWorkbook, runSelfTest, type SelfTestReport } from "../excel/selfTest";

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
  /** Writes (or replaces, source by source) the consolidation sheets of workbooks received back. */
  writeConsolidation(result: ConsolidationResult, lang: Lang): Promise<ConsolidationWriteResult>;
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
    insert: insertLiat,
    saveSettings,
    selectIssue,
    activateDomain,
    writeConsolidation,
    openSheet: (sheet, address = "A1") => selectCell(sheet, address),
    readPeriods,
    closePeriod,
    canCheckExcel: canRunSelfTest,
    checkExcel: runSelfTest,
    openBlankWorkbook,
  };
}
