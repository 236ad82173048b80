/**
 * The task pane's consolidation of chosen files, as the pane runs it (src/taskpane/consolidate/readFiles.ts, rows
 * written by src/excel/consolidation.ts) into an Excel that serialises each request as office.js does and drops it
 * (bench/droppingExcel.ts): what bench/readProbe.ts measures in Node and bench/panePage.ts in Chromium.
 */
import { openConsolidationOutput } from "../src/excel/consolidation";
import { loadReader, readAndConsolidate, type ChosenFile } from "../src/taskpane/consolidate/readFiles";
import { installDroppingExcel } from "./droppingExcel";

/** What one run measured: wall time (ms), what was consolidated, and the requests sent. */
export interface PaneRun {
  ms: number;
  unreadable: number;
  sources: number;
  rows: number;
  requests: number;
}

/**
 * Consolidates `chosen` the pane's way, timed from the output's opening to its finish; `onStart` is called as the
 * clock starts. The reader's chunk is loaded before, as the pane has it after its first use.
 */
export async function runThePanesWay(chosen: readonly ChosenFile[], onStart = () => {}): Promise<PaneRun> {
  const excel = installDroppingExcel();
  await loadReader();
  onStart();
  const t0 = performance.now();
  const output = await openConsolidationOutput("en");
  const result = await readAndConsolidate(
    chosen,
    "en",
    () => {},
    (rows) => output.add(rows),
  );
  const written = await output.finish(result);
  return {
    ms: performance.now() - t0,
    unreadable: result.unreadable.length,
    sources: result.sources.length,
    rows: written.added,
    requests: excel.syncs,
  };
}
