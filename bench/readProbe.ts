/**
 * One measure of the reader in a process of its own, so that its peak memory (maxRSS) is its own:
 * `tsx bench/readProbe.ts MODE ...`; prints one line of JSON. Run by bench/read.ts.
 *   bomb GIB honest|lying   read a zip bomb made in memory (made before the clock starts)
 *   read LIST               read the files listed (one path a line), keep nothing
 *   merge LIST              read and consolidate the files listed (the core's Consolidator)
 */
import { readFileSync } from "node:fs";
import { readWorkbookFile } from "../src/cli/readWorkbook";
import { Consolidator } from "../src/core/consolidate";
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
  const consolidator = mode === "merge" ? new Consolidator() : null;
  let unreadable = 0;
  const t0 = performance.now();
  for (const [i, file] of files.entries()) {
    const r = await readWorkbookFile(file, `f${i}.xlsx`);
    if (!r.ok) {
      unreadable++;
      continue;
    }
    consolidator?.add(r.workbook);
  }
  const ms = performance.now() - t0;
  const result = consolidator?.result();
  console.log(
    JSON.stringify({
      ms,
      peakMb: peakMb(),
      unreadable,
      sources: result?.sources.length ?? files.length - unreadable,
      rows: result?.rows.length ?? 0,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
