/** Writes the cover sheet's settings (city, period, language) as text. One sync. */
import type { Lang } from "../core/language";
import { COVER, COVER_SHEET } from "../core/layout";
import { liatError } from "./liatError";
import { runExcel } from "./excelApi";
import { queueSettingCell } from "./writeCover";

export async function saveSettings(settings: { city: string; period: string; lang: Lang }): Promise<void> {
  await runExcel(
    async (b) => {
      const ws = b.context.workbook.worksheets.getItemOrNullObject(COVER_SHEET);
      ws.load("name");
      await b.sync();
      if (ws.isNullObject) throw liatError("notLiatWorkbook");
      queueSettingCell(ws, COVER.cityRow, settings.city);
      queueSettingCell(ws, COVER.periodRow, settings.period);
      queueSettingCell(ws, COVER.languageRow, settings.lang);
      await b.sync();
    },
    () => COVER_SHEET,
  );
}
