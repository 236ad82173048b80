/** Workbook operations: the only code of the add-in that calls Excel.run. */
export * from "./types";
export { LiatError, type LiatErrorKey } from "./liatError";
export { insertLiat } from "./insert";
export { readWorkbook } from "./read";
export { validateWorkbook } from "./validate";
export { createLiveValidator, type LiveHandlers, type LiveValidator } from "./live";
export { getWorkbookStatus, readSummary } from "./workbookStatus";
export { saveSettings } from "./settings";
export { selectCell, selectIssue, activateDomain } from "./navigate";
export { forgetSheets } from "./snapshot";
export { closePeriod, type ClosePeriodOptions, type ClosePeriodResult } from "./closePeriod";
export { readPeriods, type PeriodsRead } from "./periods";
