/** Ties every proxy class to the Excel class it stands for, so that its members check the host's requirement sets. */
import { enforceApiSets } from "./requirementSets";
import {
  HostConditionalFormat,
  HostConditionalFormatCollection,
  HostConditionalRangeFormat,
  HostDataValidation,
  HostFormatProtection,
  HostRange,
  HostRangeBorder,
  HostRangeBorderCollection,
  HostRangeFill,
  HostRangeFont,
  HostRangeFormat,
} from "./rangeProxy";
import {
  HostTable,
  HostTableCollection,
  HostTableColumn,
  HostTableColumnCollection,
  HostTableRow,
  HostTableRowCollection,
} from "./tableProxy";
import {
  HostApplication,
  HostCustomProperty,
  HostCustomPropertyCollection,
  HostDocumentProperties,
  HostNamedItem,
  HostNamedItemCollection,
  HostWorkbook,
} from "./workbookProxy";
import {
  HostFreezePanes,
  HostPageLayout,
  HostWorksheet,
  HostWorksheetCollection,
  HostWorksheetProtection,
} from "./worksheetProxy";

const PROXIES: [{ prototype: object; name: string }, string][] = [
  [HostRange, "Excel.Range"],
  [HostRangeFormat, "Excel.RangeFormat"],
  [HostRangeFill, "Excel.RangeFill"],
  [HostRangeFont, "Excel.RangeFont"],
  [HostRangeBorder, "Excel.RangeBorder"],
  [HostRangeBorderCollection, "Excel.RangeBorderCollection"],
  [HostFormatProtection, "Excel.FormatProtection"],
  [HostDataValidation, "Excel.DataValidation"],
  [HostConditionalFormat, "Excel.ConditionalFormat"],
  [HostConditionalFormatCollection, "Excel.ConditionalFormatCollection"],
  [HostConditionalRangeFormat, "Excel.ConditionalRangeFormat"],
  [HostTable, "Excel.Table"],
  [HostTableCollection, "Excel.TableCollection"],
  [HostTableRow, "Excel.TableRow"],
  [HostTableRowCollection, "Excel.TableRowCollection"],
  [HostTableColumn, "Excel.TableColumn"],
  [HostTableColumnCollection, "Excel.TableColumnCollection"],
  [HostNamedItem, "Excel.NamedItem"],
  [HostNamedItemCollection, "Excel.NamedItemCollection"],
  [HostCustomProperty, "Excel.CustomProperty"],
  [HostCustomPropertyCollection, "Excel.CustomPropertyCollection"],
  [HostDocumentProperties, "Excel.DocumentProperties"],
  [HostApplication, "Excel.Application"],
  [HostWorkbook, "Excel.Workbook"],
  [HostWorksheet, "Excel.Worksheet"],
  [HostWorksheetCollection, "Excel.WorksheetCollection"],
  [HostWorksheetProtection, "Excel.WorksheetProtection"],
  [HostFreezePanes, "Excel.WorksheetFreezePanes"],
  [HostPageLayout, "Excel.PageLayout"],
];

for (const [cls, excelClass] of PROXIES) enforceApiSets(cls, excelClass);
