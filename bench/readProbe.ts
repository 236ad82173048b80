/**
 * One measure of the reader in a process of its own, so that its peak memory (maxRSS) is its own:
 * `tsx bench/readProbe.ts MODE ...`; prints one line of JSON. Run by bench/read.ts.
 *   bomb GIB honest|lying   read a zip bomb made in memory (made before the clock starts)
 *   read LIST               read the files listed (one path a line), keep nothing
 *   pane LIST               read and consolidate the files listed the pane's way (readAndConsolidate: each file's
 *                           bytes, the browser's inflater, the rows made into the consolidation sheet's in English
 *                           and handed on after each file; here serialised as a request would be, then dropped:
 *                           in the pane they go to Excel, whose memory is not the pane's)
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { readWorkbookFile } from "../src/cli/readWorkbook";
import { readAndConsolidate, type ChosenFile } from "../src/taskpane/consolidate/readFiles";
import { readXlsxBytes } from "../src/xlsx/readXlsx";
import { zipBomb } from "./readCorpus";

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<void> {
  const [mode, arg, variant] = process.argv.slice(2);
  if (mode === "bomb") {
    const bytes = zipBomb(Number(arg), variant === "lying");
    const t0 = performance.now();
    const r = await readXlsxBytes(bytes, "bomb.xlsx");
    const ms = performance.now() - t0;
    console.log(
      JSON.stringify({ ms, peakMb: peakMb(), fileMb: bytes.length / 2 ** 20, result: r.ok ? "read" : r.reason }),
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
    const t0 = performance.now();
    let rows = 0;
    const result = await readAndConsolidate(
      chosen,
      "en",
      () => {},
      async (taken) => {
        rows += JSON.stringify(taken.values).length > 0 ? taken.values.length : 0;
      },
    );
    const ms = performance.now() - t0;
    console.log(
      JSON.stringify({
        ms,
        peakMb: peakMb(),
        unreadable: result.unreadable.length,
        sources: result.sources.length,
        rows,
      }),
    );
    return;
  }
  let unreadable = 0;
  const t0 = performance.now();
  for (const [i, file] of files.entries()) {
    const r = await readWorkbookFile(file, `f${i}.xlsx`);
    if (!r.ok) unreadable++;
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, peakMb: peakMb(), unreadable }));
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
