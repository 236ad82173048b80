/**
 * The trend over closed periods: per domain and overall, the score of each recorded period and the
 * change since the previous one. `periodTrend` computes it with the scoring rules of summary.ts;
 * `trendBlock` lays out the cover's native formulas over the history table that give the same
 * numbers in any Excel or LibreOffice, without the add-in (SUMIFS / COUNTIFS of the Points column
 * per period number and domain = mean points of the assessed objectives; overall = mean of the domain
 * scores that exist; change = score − previous score, blank when either is blank).
 */
import type { DomainId } from "./catalogueTypes";
import { DOMAINS } from "./domains";
import { HISTORY_COLUMN_INDEX, type HistoryPeriod } from "./history";
import { text } from "./i18n/texts";
import type { Lang } from "./language";
import { columnLetter, DATE_FORMAT, HISTORY_SHEET, quoteSheet } from "./layout";
import { CHANGE_NUMBER_FORMAT, SCORE_NUMBER_FORMAT } from "./scoreDisplay";
import { summarize } from "./summary";

export interface TrendPoint {
  seq: number;
  label: string;
  closedOn: number | null;
  /** Score of each domain, in DOMAINS order (null when none of its objectives is assessed). */
  domains: (number | null)[];
  overall: number | null;
  /** Change of each domain's score since the previous recorded period (null for the first, or when either is blank). */
  domainChanges: (number | null)[];
  overallChange: number | null;
}

/** Change between two scores: null when either is missing. */
export const scoreChange = (before: number | null, after: number | null): number | null =>
  before === null || after === null ? null : after - before;

/** The trend of recorded periods, in seq order. */
export function periodTrend(periods: readonly HistoryPeriod[]): TrendPoint[] {
  const out: TrendPoint[] = [];
  for (const p of [...periods].sort((a, b) => a.seq - b.seq)) {
    const s = summarize(p.entries);
    const domains = s.domains.map((d) => d.score);
    const prev = out[out.length - 1];
    out.push({
      seq: p.seq,
      label: p.label,
      closedOn: p.closedOn,
      domains,
      overall: s.overall.score,
      domainChanges: domains.map((v, i) => (prev ? scoreChange(prev.domains[i]!, v) : null)),
      overallChange: prev ? scoreChange(prev.overall, s.overall.score) : null,
    });
  }
  return out;
}

/** Where the trend block sits on the cover (1-based rows, from column A). */
export const TREND = {
  titleRow: 26,
  headerRow: 27,
  firstRow: 28,
  /** Number of period lines: the first TREND.slots periods closed (by period number). */
  slots: 12,
} as const;

export interface TrendBlock {
  /** Rows from TREND.titleRow, from column A: title, header, then one line of formulas per slot. */
  values: (string | number)[][];
  /** 0-based columns of the block. */
  columns: {
    label: number;
    closedOn: number;
    domains: number[];
    overall: number;
    changes: number[];
    overallChange: number;
  };
  /** Number format of each column's period lines: label, date, scores, changes (signed). */
  formats: string[];
}

/** The cover's trend block: native formulas over the history table's whole columns (the table grows freely). */
export function trendBlock(lang: Lang): TrendBlock {
  const col = (k: keyof typeof HISTORY_COLUMN_INDEX) => {
    const l = columnLetter(HISTORY_COLUMN_INDEX[k]);
    return `${quoteSheet(HISTORY_SHEET)}!$${l}:$${l}`;
  };
  const [seq, period, closedOn, domain, points] = [
    col("seq"),
    col("period"),
    col("closedOn"),
    col("domain"),
    col("points"),
  ];
  const n = DOMAINS.length;
  const columns = {
    label: 0,
    closedOn: 1,
    domains: DOMAINS.map((_, i) => 2 + i),
    overall: 2 + n,
    changes: DOMAINS.map((_, i) => 3 + n + i),
    overallChange: 3 + 2 * n,
  };
  const short = (id: DomainId) => `${id} ${DOMAINS.find((d) => d.id === id)!.short[lang]}`;
  const overallLabel = text(lang, "workbook:trend.overall");
  const header: string[] = [
    text(lang, "workbook:trend.label"),
    text(lang, "workbook:trend.closedOn"),
    ...DOMAINS.map((d) => short(d.id)),
    overallLabel,
    ...DOMAINS.map((d) => text(lang, "workbook:trend.change", { name: short(d.id) })),
    text(lang, "workbook:trend.change", { name: overallLabel }),
  ];
  const values: (string | number)[][] = [[text(lang, "workbook:trend.title")], header];
  for (let k = 1; k <= TREND.slots; k++) {
    const r = TREND.firstRow + k - 1;
    const at = (c: number) => `${columnLetter(c)}${r}`;
    const above = (c: number) => `${columnLetter(c)}${r - 1}`;
    const line: string[] = [
      `=IFERROR(INDEX(${period},MATCH(${k},${seq},0))&"","")`,
      `=IFERROR(INDEX(${closedOn},MATCH(${k},${seq},0)),"")`,
    ];
    for (const d of DOMAINS) {
      const crit = `${seq},${k},${domain},${d.id}`;
      const count = `COUNTIFS(${crit},${points},">=0")`;
      line.push(`=IF(${count}=0,"",SUMIFS(${points},${crit})/${count})`);
    }
    const first = at(columns.domains[0]!);
    const last = at(columns.domains[n - 1]!);
    line.push(`=IF(COUNT(${first}:${last})=0,"",AVERAGE(${first}:${last}))`);
    const change = (c: number) =>
      k === 1 ? "" : `=IF(OR(NOT(ISNUMBER(${at(c)})),NOT(ISNUMBER(${above(c)}))),"",${at(c)}-${above(c)})`;
    for (const c of columns.domains) line.push(change(c));
    line.push(change(columns.overall));
    values.push(line);
  }
  const width = header.length;
  const formats = header.map((_, c) =>
    c === columns.label
      ? "General"
      : c === columns.closedOn
        ? DATE_FORMAT
        : c <= columns.overall
          ? SCORE_NUMBER_FORMAT
          : CHANGE_NUMBER_FORMAT,
  );
  return { values: values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")), columns, formats };
}
