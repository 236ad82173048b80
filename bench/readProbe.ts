/**
 * One measure of the reader in a process of its own, so that its peak memory (maxRSS) is its own:
 * `tsx bench/readProbe.ts MODE ...`; prints one line of JSON. Run by bench/read.ts.
 *   bomb GIB honest|lying [stream]
 *                           read a zip bomb made in memory (made before the clock starts), with fflate alone or
 *                           (stream) the task pane's DecompressionStream
 *   read LIST               read the files listed (one path a line), keep nothing
 *   pane LIST               consolidate the files listed the pane's way, into a workbook: each file's bytes read
 *                           (the browser's inflater), its rows made into the consolidation sheet's in English and
 *                           handed to the consolidation output after each file, written a request at a time, then
 *                           the other sheets (src/excel/consolidation.ts). The Excel behind it serialises each
 *                           request and drops it (bench/droppingExcel.ts): Excel's own memory is not the pane's.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { readWorkbookFile } from "../src/cli/readWorkbook";
import type { ChosenFile } from "../src/taskpane/consolidate/readFiles";
import { readXlsxBytes } from "../src/xlsx/readXlsx";
import { inflateWithDecompressionStream as inflateRawAsync } from "../src/xlsx/streamInflater";
import { runThePanesWay } from "./paneRun";
import { zipBomb } from "./readCorpus";

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU time (user and system, every thread of the process) since `from`, in ms: less bent by others' load than wall time. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return Math.round((used.user + used.system) / 1000);
};

async function main(): Promise<void> {
  const [mode, arg, variant, inflater] = process.argv.slice(2);
  if (mode === "bomb") {
    const bytes = zipBomb(Number(arg), variant === "lying");
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await readXlsxBytes(bytes, "bomb.xlsx", inflater === "stream" ? { inflateRawAsync } : {});
    const ms = performance.now() - t0;
    console.log(
      JSON.stringify({
        ms,
        cpuMs: cpuMs(c0),
        peakMb: peakMb(),
        fileMb: bytes.length / 2 ** 20,
        result: r.ok ? "read" : r.reason,
      }),
    );
    return;
  }
  const files = readFileSync(arg!, "utf8").split("\n").filter(Boolean);
  if (mode === "pane") {
    // as the browser hands the chosen files over: a name, a size, the bytes on demand
    const chosen: ChosenFile[] = files.map((file) => ({
      name: basename(file),
      size: statSync(file).size,
      arrayBuffer: async () => {
        const b = readFileSync(file);
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
      },
    }));
    let c0 = process.cpuUsage();
    const run = await runThePanesWay(chosen, () => (c0 = process.cpuUsage()));
    console.log(JSON.stringify({ ...run, cpuMs: cpuMs(c0), peakMb: peakMb() }));
    return;
  }
  let unreadable = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const [i, file] of files.entries()) {
    const r = await readWorkbookFile(file, `f${i}.xlsx`);
    if (!r.ok) unreadable++;
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, cpuMs: cpuMs(c0), peakMb: peakMb(), unreadable }));
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
