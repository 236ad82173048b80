/**
 * Access to the Excel JavaScript API. Every workbook operation goes through `runExcel`, which uses
 * the global `Excel` (office.js in Excel, or the in-memory host in tests and the preview page, which
 * set `globalThis.Excel`), counts the context.sync() calls it makes, and turns failures into
 * LiatError. Nothing else in the add-in calls Excel.run.
 */
import { liatError, toLiatError } from "./liatError";

export type ExcelNamespace = typeof Excel;

/** The Excel namespace in use. */
export function excelApi(): ExcelNamespace {
  const api = (globalThis as { Excel?: ExcelNamespace }).Excel;
  if (api === undefined || typeof api.run !== "function") throw liatError("noExcel");
  return api;
}

/** A request context whose syncs are counted (`syncs`) so that results can report them. */
export interface Batch {
  context: Excel.RequestContext;
  sync(): Promise<void>;
  readonly syncs: number;
}

/** Runs a batch; `subject` names what the error message is about (a sheet, a cell). */
export async function runExcel<T>(batch: (b: Batch) => Promise<T>, subject?: () => string): Promise<T> {
  const api = excelApi();
  try {
    return await api.run(async (context) => {
      let syncs = 0;
      const b: Batch = {
        context,
        sync: async () => {
          syncs++;
          await context.sync();
        },
        get syncs() {
          return syncs;
        },
      };
      return batch(b);
    });
  } catch (error) {
    throw toLiatError(error, subject?.() ?? "");
  }
}
