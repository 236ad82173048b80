/**
 * The page side of bench/paneInChromium.ts, bundled for the browser: the task pane's consolidation of the files
 * chosen in the page's file input (Files read from disk, as the pane's own input hands them over), run as the pane
 * runs it (src/taskpane/consolidate/readFiles.ts: the browser's own inflater, its
 * SHA-256, its event loop) into an Excel that serialises each request as office.js does and drops it
 * (bench/droppingExcel.ts).
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
  /** Whether the pane inflated with the browser's DecompressionStream (else fflate). */
  nativeInflater: boolean;
}

async function runPane(): Promise<PaneRun> {
  const excel = installDroppingExcel();
  // the reader's chunk loaded before the clock, as the pane has it after its first use
  const { decompressionStreamInflater } = await loadReader();
  // the files chosen in the page's file input
  const input = document.querySelector<HTMLInputElement>("input[type=file]");
  const chosen: ChosenFile[] = [...(input?.files ?? [])];
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
    nativeInflater: decompressionStreamInflater() !== undefined,
  };
}

(globalThis as { runPane?: typeof runPane }).runPane = runPane;
