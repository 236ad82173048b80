/** Ties every proxy class to the Excel class it stands for, so that its members check the host's requirement sets. */
import { enforceApiSets } from "./requirementSets";
import {
  HostCellValueConditionalFormat,
  HostConditionalFormat,
  HostConditionalFormatCollection,
  HostConditionalFormatRule,
  HostConditionalRangeFill,
  HostConditionalRangeFont,
  HostConditionalRangeFormat,
  HostCustomConditionalFormat,
  HostDataValidation,
  HostFormatProtection,
  HostRange,
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

/**
 * Each Excel class the host implements (its name in office-js's Excel namespace) and its proxy class. The same table
 * types the proxies (officeShapes.ts: where Office has an Excel.Range, the host has a HostRange).
 */
export const PROXIES = {
  Range: HostRange,
  RangeFormat: HostRangeFormat,
  RangeFill: HostRangeFill,
  RangeFont: HostRangeFont,
  FormatProtection: HostFormatProtection,
  DataValidation: HostDataValidation,
  ConditionalFormat: HostConditionalFormat,
  ConditionalFormatCollection: HostConditionalFormatCollection,
  CustomConditionalFormat: HostCustomConditionalFormat,
  CellValueConditionalFormat: HostCellValueConditionalFormat,
  ConditionalFormatRule: HostConditionalFormatRule,
  ConditionalRangeFormat: HostConditionalRangeFormat,
  ConditionalRangeFill: HostConditionalRangeFill,
  ConditionalRangeFont: HostConditionalRangeFont,
  Table: HostTable,
  TableCollection: HostTableCollection,
  TableRow: HostTableRow,
  TableRowCollection: HostTableRowCollection,
  TableColumn: HostTableColumn,
  TableColumnCollection: HostTableColumnCollection,
  NamedItem: HostNamedItem,
  NamedItemCollection: HostNamedItemCollection,
  CustomProperty: HostCustomProperty,
  CustomPropertyCollection: HostCustomPropertyCollection,
  DocumentProperties: HostDocumentProperties,
  Workbook: HostWorkbook,
  Worksheet: HostWorksheet,
  WorksheetCollection: HostWorksheetCollection,
  WorksheetProtection: HostWorksheetProtection,
  WorksheetFreezePanes: HostFreezePanes,
  PageLayout: HostPageLayout,
} as const;

for (const [excelClass, cls] of Object.entries(PROXIES)) enforceApiSets(cls, `Excel.${excelClass}`);
