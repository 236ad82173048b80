/**
 * Reads the .xlsx files chosen in the pane, one by one, and consolidates them (src/core/consolidate). Each row is
 * made into the consolidation sheet's row in the pane's language as it is merged, and handed to `output` (the
 * workbook) after each file: the pane keeps no row, so its memory does not grow with the number of files.
 * The reader (src/xlsx/readXlsx.ts, the command line's too) is loaded on demand (dynamic import), so
 * it is not part of the pane's initial JavaScript; it inflates with the browser's DecompressionStream where there is
 * one (src/xlsx/streamInflater.ts), with fflate otherwise.
 * A file that cannot be read is listed with the reason; nothing else is skipped.
 */
import {
  consolidatorInLanguage,
  type ConsolidationInLanguage,
  type ConsolidationSheetRows,
} from "../../core/consolidate";
import type { Lang } from "../../core/language";

/** What the pane needs of a chosen file (a DOM File, or anything shaped like one in tests). */
export interface ChosenFile {
  name: string;
  size: number;
  arrayBuffer?: () => Promise<ArrayBuffer>;
}

export interface ReadProgress {
  /** 1-based index of the file being read. */
  index: number;
  total: number;
  fileName: string;
}

/** Loads the shared streaming reader: a separate chunk, fetched the first time it is needed. */
export const loadReader = () => import(/* webpackChunkName: "xlsx-reader" */ "../../xlsx/readXlsx");

/** The bytes of a chosen file (Blob.arrayBuffer, or FileReader where it is missing). */
export async function fileBytes(file: ChosenFile): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsArrayBuffer(file as unknown as Blob);
  });
}

/** SHA-256 of the bytes (hex) where the browser offers it; otherwise the core fingerprints the values. */
async function sha256(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) return undefined;
  try {
    const digest = await subtle.digest("SHA-256", bytes as unknown as BufferSource);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    return undefined;
  }
}

/**
 * Lets the browser paint (the progress bar) and take input between two files: the rest runs in a task of its own,
 * posted through a MessageChannel. Not a timer: a timer set from a timer's own task waits at least 4 ms (HTML's
 * nested timers, which this loop would be), 4 ms a file, 1.6 s of 400 files. setTimeout where there is no
 * MessageChannel.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel !== "function") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Reads and consolidates the files in order, the rows made in `lang`. `onProgress` is called before each file.
 * Files over the size limit are refused before their bytes are read. With `output`, each file's rows go to it
 * once the file is merged and the result holds none; without, the result holds them all.
 */
export async function readAndConsolidate(
  files: readonly ChosenFile[],
  lang: Lang,
  onProgress: (p: ReadProgress) => void = () => {},
  output?: (rows: ConsolidationSheetRows) => Promise<void>,
): Promise<ConsolidationInLanguage> {
  const { readXlsxBytes, MAX_FILE_BYTES, decompressionStreamInflater } = await loadReader();
  // the browser's native inflater where it has one (several times faster than fflate), fflate alone otherwise
  const inflateRawAsync = decompressionStreamInflater();
  const { consolidator, take, result } = consolidatorInLanguage(lang);
  for (const [i, file] of files.entries()) {
    onProgress({ index: i + 1, total: files.length, fileName: file.name });
    await nextTask();
    if (file.size > MAX_FILE_BYTES) {
      consolidator.addUnreadable(file.name, "tooLarge", String(file.size), {
        limit: Math.round(MAX_FILE_BYTES / 2 ** 20),
      });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await fileBytes(file);
    } catch (error) {
      consolidator.addUnreadable(file.name, "notFound", error instanceof Error ? error.message : String(error));
      continue;
    }
    const read = await readXlsxBytes(bytes, file.name, { hash: sha256, inflateRawAsync });
    if (!read.ok) {
      consolidator.addUnreadable(file.name, read.reason, read.detail, read.params);
      continue;
    }
    consolidator.add(read.workbook);
    if (output) await output(take());
  }
  return result();
}
