import { validateEntry, type RawEntry } from "../src/core/entrySchema";
import { isoDateToSerial } from "../src/core/dates";
import { medianMs, type Row } from "./row";

/** 100,000 rows mixing valid, blank and wrong entries, as a workbook would hold them. */
export function makeRows(n: number): RawEntry[] {
  const start = isoDateToSerial("2024-01-01")!;
  const statuses = ["Non commencé", "Planned", "En cours", "Implemented", "Pérennisé", "N/A", "", "Done"];
  const rows: RawEntry[] = [];
  for (let i = 0; i < n; i++) {
    const status = statuses[i % statuses.length]!;
    rows.push(
      status === ""
        ? {}
        : {
            status,
            responsible: i % 5 === 0 ? "" : "Service des affaires sociales",
            partners: "ONG locale; université",
            targetGroups: i % 7 === 0 ? "migrants; aliens" : "migrants; réfugiés",
            start: start + (i % 300),
            end: start + (i % 400),
            budget: i % 3 === 0 ? 15000 : "",
            currency: i % 6 === 0 ? "EUR" : "",
            beneficiaries: i % 11,
            evidence: i % 4 === 0 ? "" : "https://example.org/report",
            comments: "",
          },
    );
  }
  return rows;
}

export async function runValidateBench(): Promise<Row[]> {
  const rows = makeRows(100_000);
  let issues = 0;
  const ms = await medianMs(() => {
    issues = 0;
    for (const r of rows) issues += validateEntry(r).issues.length;
  });
  return [
    {
      name: "Validate 100,000 rows (core, one core)",
      value: Math.round(ms),
      unit: "ms",
      budget: "< 1000 ms",
      ok: ms < 1000,
    },
    { name: "  issues found in those rows", value: issues, unit: "issues" },
  ];
}
