import type { EntryField, Severity } from "./entrySchema";
import type { Localized } from "./language";
import type { MessageKey } from "./messages";

/**
 * One validation issue of a workbook, located by sheet and cell. The add-in (src/excel), the
 * consolidation and the command line all report issues in this shape.
 */
export interface WorkbookIssue {
  /** Stable id: sheet!address:key, so lists can diff without flicker. */
  id: string;
  sheet: string;
  /** Cell address without sheet, e.g. "F5". */
  address: string;
  code: string;
  field: EntryField | "code";
  key: MessageKey;
  severity: Severity;
  message: Localized;
}
