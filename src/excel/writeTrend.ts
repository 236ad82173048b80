/** Queues the cover's trend block: per closed period, the score of each domain and overall and the change (native formulas; no sync here). */
import { columnLetter } from "../core/a1";
import type { Lang } from "../core/language";
import { CHANGE_NUMBER_FORMAT, SCORE_NUMBER_FORMAT } from "../core/scoreDisplay";
import { TREND, trendBlock } from "../core/trend";

export function queueTrend(ws: Excel.Worksheet, lang: Lang): void {
  const block = trendBlock(lang);
  const width = block.values[0]!.length;
  const last = columnLetter(width - 1);
  const head = ws.getRange(`A${TREND.titleRow}:${last}${TREND.headerRow}`);
  head.numberFormat = block.values.slice(0, 2).map((r) => r.map(() => "@"));
  head.values = block.values.slice(0, 2);
  ws.getRange(`A${TREND.titleRow}:${last}${TREND.headerRow}`).format.font.bold = true;
  const { columns } = block;
  const format = (c: number) =>
    c === columns.label
      ? "General"
      : c === columns.closedOn
        ? "yyyy-mm-dd"
        : c <= columns.overall
          ? SCORE_NUMBER_FORMAT
          : CHANGE_NUMBER_FORMAT;
  const lines = block.values.slice(2);
  const body = ws.getRange(`A${TREND.firstRow}:${last}${TREND.firstRow + lines.length - 1}`);
  body.numberFormat = lines.map((r) => r.map((_, c) => format(c)));
  body.formulas = lines;
}
