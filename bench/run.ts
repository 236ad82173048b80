/**
 * `npm run bench`: the performance budgets (README, "Benchmarks"), measured (medians of several runs) and
 * printed as a table with the machine noted. Speed is measured here, never in timed tests.
 * Sections: custom functions and validation (core), Excel operations (sync counts, incremental
 * re-validation), insert with the native checks and the periods (close, trend, compare), task pane (bundle size,
 * first render), command-line merge.
 * `npm run bench -- --only functions,validate` runs some sections.
 */
import os from "node:os";
import type { Row } from "./row";

type Section = { name: string; load: () => Promise<() => Promise<Row[]>> };

const SECTIONS: Section[] = [
  { name: "functions", load: async () => (await import("./functions")).runFunctionsBench },
  { name: "validate", load: async () => (await import("./validate")).runValidateBench },
  { name: "excel", load: async () => (await import("./excel")).runExcelBench },
  { name: "payload", load: async () => (await import("./payload")).runPayloadBench },
  { name: "periods", load: async () => (await import("./periods")).runPeriodsBench },
  { name: "taskpane", load: async () => (await import("./taskpane")).runTaskpaneBench },
  { name: "merge", load: async () => (await import("./merge")).runMergeBench },
  { name: "read", load: async () => (await import("./read")).runReadBench },
];

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

async function main(): Promise<void> {
  const onlyArg = process.argv.find((a) => a.startsWith("--only"));
  const only = onlyArg
    ? (onlyArg.includes("=") ? onlyArg.split("=")[1]! : (process.argv[process.argv.indexOf(onlyArg) + 1] ?? "")).split(
        ",",
      )
    : null;
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`LIAT for Excel benchmarks — ${new Date().toISOString().slice(0, 10)}`);
  console.log(
    `Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`,
  );
  console.log("");
  console.log(`| ${pad("measure", 62)} | ${pad("value", 10)} | ${pad("unit", 6)} | ${pad("budget", 14)} | ok |`);
  console.log(`| ${"-".repeat(62)} | ${"-".repeat(10)} | ${"-".repeat(6)} | ${"-".repeat(14)} | -- |`);
  let failed = 0;
  for (const s of SECTIONS) {
    if (only && !only.includes(s.name)) continue;
    let rows: Row[];
    try {
      rows = await (await s.load())();
    } catch (e) {
      console.log(
        `| ${pad(`${s.name}: could not run (${(e as Error).message.split("\n")[0]})`, 62)} | ${pad("", 10)} | ${pad("", 6)} | ${pad("", 14)} | !! |`,
      );
      failed++;
      continue;
    }
    for (const r of rows) {
      const ok = r.ok === undefined ? "" : r.ok ? "✓" : "✗";
      if (r.ok === false) failed++;
      console.log(
        `| ${pad(r.name, 62)} | ${pad(String(r.value), 10)} | ${pad(r.unit, 6)} | ${pad(r.budget ?? "", 14)} | ${pad(ok, 2)} |`,
      );
    }
  }
  console.log("");
  console.log(failed === 0 ? "All budgets met." : `${failed} budget(s) missed or section(s) failed.`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
