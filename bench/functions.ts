/**
 * LIAT.SCORE over 100,000 cells against the spreadsheet engine's native AVERAGE over the same
 * cells, both evaluated by HyperFormula in the in-memory host with the add-in's real function code.
 */
import { createHost } from "../tooling/excel-host/excelHost";
import { registerLiatFunctions } from "../tooling/excel-host/liatFunctions";
import { score } from "../src/functions/functions";
import { medianMs, type Row } from "./row";

const N = 100_000;

export async function runFunctionsBench(): Promise<Row[]> {
  const host = createHost({ sheets: ["S"] });
  await registerLiatFunctions(host);
  const engine = host.model.engine;
  const sheet = engine.hf.getSheetId("S")!;
  const rows: Row[] = [];
  for (const [label, make] of [
    ["levels 0-4 as numbers", (i: number) => i % 5],
    [
      "labels (French and English mixed)",
      (i: number) => ["Non commencé", "Planned", "En cours", "Implemented", "Pérennisé", "N/A"][i % 6]!,
    ],
  ] as const) {
    engine.hf.setCellContents(
      { sheet, row: 0, col: 0 },
      Array.from({ length: N }, (_, i) => [make(i)]),
    );
    // Recalculation after one input cell changes: the formula is in place, A1 flips between two
    // values, and the engine recomputes the dependent cell (only one formula exists at a time).
    const time = async (formula: string) => {
      engine.hf.setCellContents({ sheet, row: 0, col: 2 }, [[formula]]);
      let flip = false;
      const ms = await medianMs(() => {
        flip = !flip;
        engine.hf.setCellContents({ sheet, row: 0, col: 0 }, [[flip ? make(1) : make(0)]]);
        return engine.hf.getCellValue({ sheet, row: 0, col: 2 });
      }, 15);
      engine.hf.setCellContents({ sheet, row: 0, col: 2 }, [[null]]);
      return ms;
    };
    const scoreMs = await time(`=LIAT.SCORE(A1:A${N})`);
    const average = await time(`=AVERAGE(A1:A${N})`);
    engine.hf.setCellContents({ sheet, row: 0, col: 2 }, [[`=AVERAGE(A1:A${N})`]]);
    const check = engine.hf.getCellValue({ sheet, row: 0, col: 2 });
    engine.hf.setCellContents({ sheet, row: 0, col: 2 }, [[null]]);
    // The function's own work: the block as Excel passes it to a text parameter (numbers as text).
    const block = Array.from({ length: N }, (_, i) => [String(make(i))]);
    const body = await medianMs(() => score(block), 15);
    const r = (x: number) => Math.round(x * 10) / 10;
    rows.push(
      {
        name: `${label}: native AVERAGE, recalc after an edit (= ${typeof check === "number" ? check.toFixed(2) : String(check)})`,
        value: r(average),
        unit: "ms",
      },
      { name: `  LIAT.SCORE function on the 100,000 values it receives`, value: r(body), unit: "ms" },
      {
        name: `  ratio SCORE function / AVERAGE`,
        value: Math.round((body / average) * 100) / 100,
        unit: "x",
        budget: "<= 2x",
        ok: body <= 2 * average,
      },
      { name: `  LIAT.SCORE recalc in the host, incl. engine range marshalling`, value: r(scoreMs), unit: "ms" },
      { name: `  ratio with marshalling (engine cost, not the function's)`, value: r(scoreMs / average), unit: "x" },
    );
  }
  return rows;
}
