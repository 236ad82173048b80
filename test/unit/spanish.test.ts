/**
 * Spanish end to end: `liat init --lang es`, check and summary in Spanish, Spanish statuses in the native
 * formulas' lookup, and a merge of French, English and Spanish returns that reads every status as the same level.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import type { ConsolidationResult } from "../../src/core/consolidate";
import {
  columnIndex,
  columnLetter,
  domainSheetName,
  FIRST_DATA_ROW,
  HEADER_ROW,
  statusLookup,
} from "../../src/core/layout";
import { parseStatus } from "../../src/core/status";
import { loadExcel, runLiat } from "./cliFixtures";

jest.setTimeout(60_000); // whole workbooks are written and read; CI machines are shared

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "liat-es-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const liat = (...argv: string[]) => runLiat(argv, dir, "es_ES.UTF-8");

const statusCell = (n: number) => `${columnLetter(columnIndex("status"))}${FIRST_DATA_ROW + n}`;

test("liat init --lang es writes a Spanish workbook that checks and sums up in Spanish", async () => {
  expect(await liat("init", "-o", "bogota.xlsx", "--lang", "es", "--city", "Bogotá", "--period", "2025")).toEqual({
    code: 0,
    out: "Escrito: bogota.xlsx\n",
    err: "",
  });
  const wb = await loadExcel(readFileSync(join(dir, "bogota.xlsx")));
  expect(wb.getWorksheet("LIAT")!.getCell("A1").value).toBe("Herramienta de Acción Local para la Inclusión (LIAT)");
  const gov = wb.getWorksheet(domainSheetName(1, "es"))!;
  expect(gov.name).toBe("1 Gobernanza");
  expect(gov.getCell(`${columnLetter(columnIndex("status"))}${HEADER_ROW}`).value).toBe("Estado");
  expect(gov.getCell(`C${FIRST_DATA_ROW}`).value).toMatch(/^Adoptar una estrategia/);
  const lists = wb.getWorksheet("LIAT_Lists")!;
  const column = (c: number) => (lists.getColumn(c).values as unknown[]).filter((v) => v !== undefined && v !== null);
  expect(column(1)).toEqual([
    "Estado",
    "No iniciado",
    "Planificado",
    "En curso",
    "Implementado",
    "Consolidado",
    "No aplicable",
  ]);

  // a person types statuses: Implementado without evidence is an error, in Spanish
  gov.getCell(statusCell(0)).value = "Implementado";
  gov.getCell(statusCell(1)).value = "en curso"; // any case, no accents needed
  await wb.xlsx.writeFile(join(dir, "bogota.xlsx"));
  const check = await liat("check", "bogota.xlsx");
  expect(check.code).toBe(1);
  expect(check.out).toContain("Indique una evidencia o un enlace (obligatorio a partir de «Implementado»).");
  expect(check.out).toContain("3 errores, 0 advertencias.");

  const summary = await liat("summary", "bogota.xlsx");
  expect(summary.out).toContain("Archivo: bogota.xlsx — Ciudad: Bogotá — Período: 2025");
  // (75 + 50) / 2 = 62.5: Spanish number formats (Intl)
  expect(summary.out).toMatch(/1 Gobernanza\s+62,5\s+Establecido\s+2\/16 13\s%/);
});

test("Spanish statuses are in the native formulas' lookup list and read as the same level as French and English", () => {
  // the lookup holds each spelling folded (lower case, spaces folded), as written and without accents
  const lookup = new Map(statusLookup().map((l) => [l.written, l.points]));
  expect(lookup.get("planificado")).toBe(25);
  expect(lookup.get("consolidado")).toBe(100);
  expect(lookup.get("no aplicable")).toBe("NA");
  for (const [es, fr, en] of [
    ["Implementado", "Mis en œuvre", "Implemented"],
    ["No iniciado", "Non commencé", "Not started"],
    ["No aplicable", "Non applicable", "Not applicable"],
  ])
    expect([parseStatus(es), parseStatus(fr)]).toEqual([parseStatus(en), parseStatus(en)]);
});

test("a merge of French, English and Spanish returns reads every status as the same level", async () => {
  const returns = [
    ["lyon.xlsx", "fr", "Lyon", "Mis en œuvre", "Planifié"],
    ["leeds.xlsx", "en", "Leeds", "Implemented", "Planned"],
    ["quito.xlsx", "es", "Quito", "Implementado", "Planificado"],
  ] as const;
  for (const [file, lang, city, implemented, planned] of returns) {
    writeFileSync(
      join(dir, file),
      await writeLiatWorkbook({
        lang,
        city,
        period: "2025",
        entries: {
          "1.1.1": { status: implemented, responsible: "Ville", evidence: "https://example.org/plan" },
          "2.3": { status: planned, responsible: "Empleo" },
        },
      }),
    );
  }
  const r = await liat("merge", ...returns.map((x) => x[0]), "-o", "todas.xlsx", "--json", "todas.json");
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(r.out).toContain("3 libros consolidados, 117 filas; 0 archivos no consolidados.");
  const json = JSON.parse(readFileSync(join(dir, "todas.json"), "utf8")) as ConsolidationResult;
  const points = (code: string) => json.rows.filter((row) => row.code === code).map((row) => row.points);
  expect(points("1.1.1")).toEqual([75, 75, 75]);
  expect(points("2.3")).toEqual([25, 25, 25]);
  const scores = json.sources.map((s) => s.summary.overall.score);
  expect(new Set(scores).size).toBe(1);
  expect(json.sources.map((s) => s.source.city)).toEqual(["Lyon", "Leeds", "Quito"]);

  const wb = await loadExcel(readFileSync(join(dir, "todas.xlsx")));
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "Consolidación",
    "Resumen por origen",
    "Por ciudad",
    "No fusionado",
    "Columnas leídas",
    "Archivos no leídos",
  ]);
});
