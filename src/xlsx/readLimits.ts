/**
 * The limits of reading one received file. They keep memory and time bounded on any input (a zip
 * bomb, a sheet of Excel's full 1,048,576 rows) so that one file never sinks a batch; a file over
 * one of them is listed as unreadable with the limit named.
 *
 * - fileBytes, 50 MB: a filled LIAT workbook is well under 1 MB; 50 MB leaves room for pictures
 *   and many other sheets.
 * - partBytes, 256 MiB per part once inflated: a 100,000-row LIAT table is about 60 MB of sheet XML,
 *   a sheet with all 1,048,576 rows filled in a few columns about 150 MB; 256 MiB still parses in a
 *   few seconds, as a stream, in flat memory.
 * - totalBytes, 512 MiB for all the parts read (the workbook, its sheets, shared strings, styles).
 * - rows, 1,048,576 per sheet: Excel's own last row; a row past it is not Excel's.
 * - cells, 4,000,000 per workbook, counting each row up to its last filled cell: about 250,000 LIAT
 *   rows; the grid of that many cells takes some 150 MB, which keeps a merge under its memory budget.
 */

export interface ReadLimits {
  fileBytes: number;
  partBytes: number;
  totalBytes: number;
  rows: number;
  cells: number;
}

export const READ_LIMITS: Readonly<ReadLimits> = {
  fileBytes: 50 * 1024 * 1024,
  partBytes: 256 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  rows: 1_048_576,
  cells: 4_000_000,
};

/** Bytes as whole mebibytes (the unit the messages show as MB / Mo). */
export const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));
