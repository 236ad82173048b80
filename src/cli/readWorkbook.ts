/**
 * The command line's reader: the shared streaming reader (src/xlsx/readXlsx.ts, also used by the
 * task pane) over a file on disk, with a SHA-256 hash of the bytes from Node's crypto and Node's zlib
 * to inflate the parts (same outcome as fflate, faster). A folder or a file over the size limit is
 * refused before anything is read.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { megabytes } from "../xlsx/readLimits";
import { MAX_FILE_BYTES, readXlsxBytes, type ReadResult } from "../xlsx/readXlsx";

export { MAX_FILE_BYTES, type ReadResult } from "../xlsx/readXlsx";
export { plainValue } from "./exceljsValue";

/** Content hash of the bytes (SHA-256, hex): same bytes, same source. */
function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Node's zlib, for the parts it can inflate whole (src/xlsx/partStream.ts: several times faster than fflate), into
 * one buffer of the size allowed (not pieces joined at the end, which would hold the part twice).
 */
function inflateRaw(data: Uint8Array, maxLength: number): Uint8Array {
  return inflateRawSync(data, { maxOutputLength: maxLength, chunkSize: Math.max(maxLength, 64) });
}

/** Reads the bytes of a received file into the plain workbook model, or the reason it cannot. */
export function readWorkbookBytes(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  return readXlsxBytes(bytes, fileName, { hash: contentHash, inflateRaw });
}

/** Reads a file from disk into the plain workbook model, or the reason it cannot be read. */
export async function readWorkbookFile(path: string, displayName = path): Promise<ReadResult> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { ok: false, reason: "directory" };
    if (!s.isFile()) return { ok: false, reason: "notWorkbook" };
    size = s.size;
  } catch {
    return { ok: false, reason: "notFound" };
  }
  if (size > MAX_FILE_BYTES)
    return { ok: false, reason: "tooLarge", detail: String(size), params: { limit: megabytes(MAX_FILE_BYTES) } };
  return readWorkbookBytes(await readFile(path), displayName);
}
