/**
 * The page side of bench/paneInChromium.ts, bundled for the browser: the task pane's consolidation of the files
 * chosen in the page's file input (Files read from disk, as the pane's own input hands them over), run as the pane
 * runs it (bench/paneRun.ts), with the browser's own inflater, SHA-256 and event loop.
 */
import { decompressionStreamInflater } from "../src/xlsx/streamInflater";
import { runThePanesWay, type PaneRun } from "./paneRun";

/** A run in the page, and whether the pane inflated with the browser's DecompressionStream (else fflate). */
export interface PageRun extends PaneRun {
  nativeInflater: boolean;
}

async function runPane(): Promise<PageRun> {
  const input = document.querySelector<HTMLInputElement>("input[type=file]");
  const run = await runThePanesWay([...(input?.files ?? [])]);
  return { ...run, nativeInflater: decompressionStreamInflater() !== undefined };
}

(globalThis as { runPane?: typeof runPane }).runPane = runPane;
