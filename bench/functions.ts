/**
 * LIAT.SCORE over status cells against what an evaluator would write natively for the same result: the
 * workbook's own Points formula in each row (src/core/nativeChecks.ts, over the LIAT_Lists lookup as inserted) and
 * AVERAGE over the Points column. Both are evaluated end to end by HyperFormula in the in-memory host, range
 * marshalling and the add-in's real function code included, for levels and for labels:
 * - first computation: the formulas entered into a workbook that holds the statuses;
 * - recalculation after one status is edited (the same cell flips between two values).
 * The function's own work on the block it receives is given too (no engine), for reference. The comparison runs on
 * 10,000 labels (LIAT_BENCH_SCORE_ROWS to change it): the engine's time for the native Points column grows faster
 * than its length (2,000 rows 5 s, 10,000 rows 27 s on the 2-core machine), so 100,000 native formulas do not
 * finish in a bench run; LIAT.SCORE is measured alone over 100,000 labels.
 */
import { createHost } from "../tooling/excel-host/excelHost";
import { registerLiatFunctions } from "../tooling/excel-host/liatFunctions";
import { listsSheetLayout, LISTS_SHEET, pointsFormula } from "../src/core/layout";
import { score } from "../src/functions/functions";
import { medianMs, type Row } from "./row";

const N = Number(process.env.LIAT_BENCH_SCORE_ROWS ?? 10_000);
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

export async function runFunctionsBench(): Promise<Row[]> {
  const host = createHost({ sheets: ["S", LISTS_SHEET] });
  await registerLiatFunctions(host);
  const engine = host.model.engine;
  const hf = engine.hf;
  // The lists sheet and its names written as the add-in writes them (text keys such as "0" stay text).
  const lists = listsSheetLayout("en");
  await host.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(LISTS_SHEET);
    ws.getRangeByIndexes(0, 0, lists.values.length, lists.values[0]!.length).values = lists.values;
    for (const n of lists.names) context.workbook.names.add(n.name, n.ref);
    await context.sync();
  });
  const sheet = hf.getSheetId("S")!;
  const at = (row: number, col: number) => ({ sheet, row, col });
  const rows: Row[] = [];
  // Labels only: 100,000 native Points formulas take minutes to compute in the engine (levels 0-4 behave alike).
  for (const [label, make] of [
    [
      "labels (French and English mixed)",
      (i: number) => ["Non commencé", "Planned", "En cours", "Implemented", "Pérennisé", "N/A"][i % 6]!,
    ],
  ] as const) {
    hf.setCellContents(
      at(0, 0),
      Array.from({ length: N }, (_, i) => [make(i)]),
    );
    const points = Array.from({ length: N }, (_, i) => [pointsFormula(i + 1, "A")]);
    const clear = (col: number, height: number) =>
      hf.setCellContents(
        at(0, col),
        Array.from({ length: height }, () => [null]),
      );

    const once = (fn: () => unknown) => {
      (globalThis as { gc?: () => void }).gc?.();
      const t0 = performance.now();
      fn();
      return performance.now() - t0;
    };
    // Recalculation after one status is edited (A1 flips between two values); the result cell read each time.
    const recalc = async (col: number) => {
      let flip = false;
      return medianMs(() => {
        flip = !flip;
        hf.setCellContents(at(0, 0), [[flip ? make(1) : make(0)]]);
        return hf.getCellValue(at(0, col));
      }, 15);
    };

    // Native: the formulas entered into the filled workbook (timed once: 100,000 formulas), then edits.
    const nativeFirst = once(() => {
      hf.batch(() => {
        hf.setCellContents(at(0, 1), points);
        hf.setCellContents(at(0, 2), [[`=AVERAGE(B1:B${N})`]]);
      });
      return hf.getCellValue(at(0, 2));
    });
    const nativeRecalc = await recalc(2);
    hf.setCellContents(at(0, 0), [[make(0)]]);
    const native = hf.getCellValue(at(0, 2));
    clear(1, N);
    clear(2, 1);

    // LIAT.SCORE: the same, one formula.
    const scoreFirst = once(() => {
      hf.setCellContents(at(0, 3), [[`=LIAT.SCORE(A1:A${N})`]]);
      return hf.getCellValue(at(0, 3));
    });
    const scoreRecalc = await recalc(3);
    hf.setCellContents(at(0, 0), [[make(0)]]);
    const liat = hf.getCellValue(at(0, 3));
    clear(3, 1);

    // The function's own work: the block as Excel passes it to a text parameter (numbers as text).
    const block = Array.from({ length: N }, (_, i) => [String(make(i))]);
    const body = await medianMs(() => score(block), 15);

    const same = typeof native === "number" && typeof liat === "number" && Math.abs(native - liat) < 1e-9;
    rows.push(
      {
        name: `${N.toLocaleString("en")} ${label}: native Points per row + AVERAGE = ${typeof native === "number" ? native.toFixed(2) : String(native)}, SCORE = ${typeof liat === "number" ? liat.toFixed(2) : String(liat)}`,
        value: same ? 1 : 0,
        unit: "same",
        budget: "1",
        ok: same,
      },
      { name: `  native, first computation (Points per row + AVERAGE, once)`, value: r1(nativeFirst), unit: "ms" },
      { name: `  LIAT.SCORE, first computation (incl. marshalling, once)`, value: r1(scoreFirst), unit: "ms" },
      {
        name: `  ratio SCORE / native, first computation`,
        value: r2(scoreFirst / nativeFirst),
        unit: "x",
        budget: "<= 2x",
        ok: scoreFirst <= 2 * nativeFirst,
      },
      { name: `  native, recalc after one status edit`, value: r1(nativeRecalc), unit: "ms" },
      { name: `  LIAT.SCORE, recalc after one status edit`, value: r1(scoreRecalc), unit: "ms" },
      {
        name: `  ratio SCORE / native, recalc after an edit`,
        value: r2(scoreRecalc / nativeRecalc),
        unit: "x",
        budget: "<= 2x",
        ok: scoreRecalc <= 2 * nativeRecalc,
      },
      { name: `  LIAT.SCORE function alone on the ${N.toLocaleString("en")} values`, value: r1(body), unit: "ms" },
    );
  }
  // LIAT.SCORE alone over 100,000 labels, end to end (the native column of 100,000 Points formulas takes too long
  // to compute in the engine for a bench run: its cost grows faster than the number of rows, see above).
  const BIG = 100_000;
  const label = (i: number) => ["Non commencé", "Planned", "En cours", "Implemented", "Pérennisé", "N/A"][i % 6]!;
  hf.setCellContents(
    at(0, 0),
    Array.from({ length: BIG }, (_, i) => [label(i)]),
  );
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  hf.setCellContents(at(0, 3), [[`=LIAT.SCORE(A1:A${BIG})`]]);
  const big = hf.getCellValue(at(0, 3));
  const bigFirst = performance.now() - t0;
  let flip = false;
  const bigRecalc = await medianMs(() => {
    flip = !flip;
    hf.setCellContents(at(0, 0), [[flip ? label(1) : label(0)]]);
    return hf.getCellValue(at(0, 3));
  }, 15);
  rows.push(
    {
      name: `100,000 labels: LIAT.SCORE first computation (= ${typeof big === "number" ? big.toFixed(2) : String(big)})`,
      value: r1(bigFirst),
      unit: "ms",
    },
    { name: `  LIAT.SCORE recalc after one status edit`, value: r1(bigRecalc), unit: "ms" },
  );
  return rows;
}
