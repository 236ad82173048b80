/** Takes the user to a cell or a domain sheet. */
import type { DomainId } from "../core/catalogueTypes";
import { tableName } from "../core/layout";
import { liatError, toLiatError } from "./liatError";
import { runExcel } from "./excelApi";
import { scanTables } from "./scan";
import { loadSnapshot } from "./snapshot";
import type { ValidationIssue } from "./types";

/** Activates the sheet and selects the cell. One sync. */
export async function selectCell(sheet: string, address: string): Promise<void> {
  try {
    await runExcel(async (b) => {
      const ws = b.context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await b.sync();
    });
  } catch (error) {
    const e = toLiatError(error);
    throw e.key === "excel" ? liatError("cellNotFound", `${sheet}!${address}`, error) : e;
  }
}

export async function selectIssue(issue: ValidationIssue): Promise<void> {
  await selectCell(issue.sheet, issue.address);
}

/** Activates the sheet of a domain (its LIAT table, wherever it is). */
export async function activateDomain(domain: DomainId): Promise<void> {
  await runExcel(async (b) => {
    const tables = scanTables(await loadSnapshot(b));
    const t = tables.find((x) => x.domain === domain) ?? tables.find((x) => x.table === tableName(domain));
    if (!t) throw liatError("domainNotFound", String(domain));
    const ws = b.context.workbook.worksheets.getItem(t.sheet);
    ws.activate();
    ws.getRange(`A${t.headerRow + 1}`).select();
    await b.sync();
  });
}
