/**
 * The command line's reader: the shared ExcelJS reader (src/share/readXlsx.ts, also used by the
 * task pane) with a SHA-256 hash of the bytes from Node's crypto.
 */
import { createHash } from "node:crypto";
import { readXlsxBytes, type ReadResult } from "../share/readXlsx";

export { MAX_FILE_BYTES, plainValue, type ReadResult } from "../share/readXlsx";

/** Content hash of the bytes (SHA-256, hex): same bytes, same source. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads the bytes of a received file into the plain workbook model, or the reason it cannot. */
export function readWorkbookBytes(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  return readXlsxBytes(bytes, fileName, { hash: contentHash });
}
