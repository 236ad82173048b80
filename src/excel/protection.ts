/**
 * Protected sheets the add-in must write to. Excel on the web says whether a protection has a password
 * (WorksheetProtection.isPasswordProtected, ExcelApiOnline 1.1): such a sheet stops the operation before anything is
 * written. Elsewhere the password is unknown: the unprotections are queued first in the batch, so that when Excel
 * refuses one (password), nothing else of the batch is applied; the sheets unprotected before it are then protected
 * again and the user is told which sheet has a password. No extra sync when nothing is refused.
 */
import type { Batch } from "./excelApi";
import { liatError } from "./liatError";
import type { SheetGrid } from "./snapshot";

/** Stops at once on a known password; queues the unprotection of every protected sheet (call before any write). */
export function queueUnprotect(b: Batch, sheets: readonly SheetGrid[]): void {
  for (const g of sheets) if (g.protected && g.passwordProtected === true) throw liatError("sheetProtected", g.name);
  const worksheets = b.context.workbook.worksheets;
  for (const g of sheets) if (g.protected) worksheets.getItem(g.id).protection.unprotect();
}

/**
 * After a sync failed: when one of the sheets queued by queueUnprotect is still protected (Excel refused to
 * unprotect it without its password), protects again the ones unprotected before it and explains; otherwise
 * throws the original error.
 */
export async function explainRefusedUnprotect(
  b: Batch,
  sheets: readonly SheetGrid[],
  options: Excel.WorksheetProtectionOptions,
  error: unknown,
): Promise<never> {
  const queued = sheets.filter((g) => g.protected && g.passwordProtected === undefined);
  if (queued.length === 0) throw error;
  const worksheets = b.context.workbook.worksheets;
  const states = queued.map((g) => {
    const protection = worksheets.getItem(g.id).protection;
    protection.load("protected");
    return { g, protection };
  });
  await b.sync();
  const refused = states.find((s) => s.protection.protected);
  if (!refused) throw error;
  const undone = states.filter((s) => !s.protection.protected);
  for (const s of undone) s.protection.protect(options);
  if (undone.length > 0) await b.sync();
  throw liatError("sheetProtected", refused.g.name);
}
