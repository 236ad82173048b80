/** Queues the cover's trend block: per closed period, the score of each domain and overall and the change (native formulas; no sync here). */
import { columnLetter } from "../core/a1";
import type { Lang } from "../core/language";
import { TREND, trendBlock } from "../core/trend";

export function queueTrend(ws: Excel.Worksheet, lang: Lang): void {
  const block = trendBlock(lang);
  const width = block.values[0]!.length;
  const last = columnLetter(width - 1);
  const head = ws.getRange(`A${TREND.titleRow}:${last}${TREND.headerRow}`);
  head.numberFormat = block.values.slice(0, 2).map((r) => r.map(() => "@"));
  head.values = block.values.slice(0, 2);
  head.format.font.bold = true;
  const lines = block.values.slice(2);
  const body = ws.getRange(`A${TREND.firstRow}:${last}${TREND.firstRow + lines.length - 1}`);
  body.numberFormat = lines.map(() => block.formats);
  body.formulas = lines;
}
