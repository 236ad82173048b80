/**
 * An `Excel` global for measuring the pane's own side of a workbook operation: every object accepts whatever is
 * queued on it (properties set, methods called), and each sync serialises the values and number formats queued
 * since the last one as office.js sends a request (JSON), then drops them. Collections are empty and nothing is a
 * null object, so an operation on a blank workbook runs through. What Excel itself keeps is not the pane's memory,
 * and is not measured.
 */
type Queued = unknown[];

export interface DroppingExcel {
  /** Requests synced, and the largest one's JSON characters. */
  syncs: number;
  largestRequest: number;
}

export function installDroppingExcel(global: object = globalThis): DroppingExcel {
  const stats: DroppingExcel = { syncs: 0, largestRequest: 0 };
  let queued: Queued = [];
  const object: object = new Proxy(function excelObject() {}, {
    get: (_target, property) => {
      if (property === "then") return undefined; // not a promise
      if (property === "items") return [];
      if (property === "isNullObject") return false;
      return object;
    },
    set: (_target, property, value) => {
      if (property === "values" || property === "numberFormat") queued.push(value);
      return true;
    },
    apply: () => object,
  });
  const context = {
    workbook: object,
    sync: async () => {
      const request = JSON.stringify(queued);
      queued = [];
      stats.syncs++;
      stats.largestRequest = Math.max(stats.largestRequest, request.length);
    },
  };
  (global as { Excel?: unknown }).Excel = {
    run: async (batch: (c: typeof context) => Promise<unknown>) => {
      const result = await batch(context);
      queued = [];
      return result;
    },
  };
  return stats;
}
