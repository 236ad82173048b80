/**
 * The page side of bench/paneInChromium.ts, bundled for the browser: the task pane's consolidation of the files the
 * bench serves, run as the pane runs it (src/taskpane/consolidate/readFiles.ts: the browser's own inflater, its
 * SHA-256, its event loop) into an Excel that serialises each request as office.js does and drops it
 * (bench/droppingExcel.ts).
 */
import { openConsolidationOutput } from "../src/excel/consolidation";
import { loadReader, readAndConsolidate, type ChosenFile } from "../src/taskpane/consolidate/readFiles";
import { installDroppingExcel } from "./droppingExcel";

/** A file the bench serves: where to fetch it, and its name. */
export interface ServedFile {
  url: string;
  name: string;
}

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

async function runPane(files: ServedFile[]): Promise<PaneRun> {
  const excel = installDroppingExcel();
  // the reader's chunk loaded before the clock, as the pane has it after its first use
  const { decompressionStreamInflater } = await loadReader();
  // as the browser hands the chosen files over: Files (the bytes held by the browser, read on demand), made before
  // the clock starts
  const chosen: ChosenFile[] = [];
  for (const f of files) chosen.push(new File([await (await fetch(f.url)).blob()], f.name));
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
