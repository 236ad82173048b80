/**
 * LIAT.SCORE over 100,000 cells against the spreadsheet engine's native AVERAGE over the same
 * cells, both evaluated by HyperFormula in the in-memory host with the add-in's real function code.
 */
import { createHost } from "../src/host";
import { registerLiatFunctions } from "../src/host/liatFunctions";
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
    ["labels (French and English mixed)", (i: number) => ["Non commencé", "Planned", "En cours", "Implemented", "Pérennisé", "N/A"][i % 6]!],
  ] as const) {
    engine.hf.setCellContents({ sheet, row: 0, col: 0 }, Array.from({ length: N }, (_, i) => [make(i)]));
    const time = (formula: string) =>
      medianMs(() => {
        engine.hf.setCellContents({ sheet, row: 0, col: 2 }, [[null]]);
        engine.hf.setCellContents({ sheet, row: 0, col: 2 }, [[formula]]);
        return engine.hf.getCellValue({ sheet, row: 0, col: 2 });
      }, 7);
    const score = await time(`=LIAT.SCORE(A1:A${N})`);
    const average = await time(`=AVERAGE(A1:A${N})`);
    const check = engine.hf.getCellValue({ sheet, row: 0, col: 2 });
    rows.push(
      { name: `LIAT.SCORE over 100,000 cells, ${label}`, value: Math.round(score * 10) / 10, unit: "ms" },
      { name: `  native AVERAGE over the same cells (result ${typeof check === "number" ? check.toFixed(2) : String(check)})`, value: Math.round(average * 10) / 10, unit: "ms" },
      { name: `  ratio SCORE / AVERAGE`, value: Math.round((score / average) * 100) / 100, unit: "x", budget: "<= 2x", ok: score <= 2 * average },
    );
  }
  return rows;
}
