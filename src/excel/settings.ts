/**
 * Writes the cover sheet's settings (city, period) as text. One sync. The workbook's language is not a setting that
 * can be saved after insertion: every sheet, list, help text and check message is written in it, so changing the
 * cover's language cell alone would make a mixed workbook (see the Setup view, which explains this).
 */
import { COVER, COVER_SHEET } from "../core/layout";
import { liatError } from "./liatError";
import { runExcel } from "./excelApi";
import { queueSettingCell } from "./writeCover";

export async function saveSettings(settings: { city: string; period: string }): Promise<void> {
  await runExcel(
    async (b) => {
      const ws = b.context.workbook.worksheets.getItemOrNullObject(COVER_SHEET);
      ws.load("name");
      await b.sync();
      // eslint-disable-next-line office-addins/call-sync-before-read -- synced just above by b.sync() (context.sync() counted, src/excel/excelApi.ts), which the rule does not know by name
      if (ws.isNullObject) throw liatError("notLiatWorkbook");
      queueSettingCell(ws, COVER.cityRow, settings.city);
      queueSettingCell(ws, COVER.periodRow, settings.period);
      await b.sync();
    },
    () => COVER_SHEET,
  );
}
