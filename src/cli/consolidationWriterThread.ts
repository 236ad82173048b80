/**
 * The consolidation workbook written by a thread of its own (src/cli/consolidationWriterWorker.ts), so that
 * making its XML, deflating and writing it run on a second core while this one reads, checks and
 * consolidates the next rows and writes the JSON. The thread is handed each batch of rows as plain cell
 * values (cheap to copy between threads: the cells every row of a source repeats, file, city, period and the
 * objective's text, are not copied per row), each source's summary and, at the end, the rest of the result.
 *
 * The calls stay synchronous, as ConsolidationWriter's: a call waits (Atomics.wait on a shared counter) only
 * when the thread is more than MAX_IN_FLIGHT batches behind, so memory stays bounded, and `finish` returns
 * when the file is written. A failure in the thread (a full disk) is thrown by the next call, with its message.
 *
 * The command line's bundle ships the thread's script beside itself (scripts/build-cli.cjs); without it (the
 * sources run by tsx or the tests) the workbook is written on this thread by ConsolidationWriter.
 */
import { closeSync, existsSync, openSync } from "node:fs";
import { join } from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import {
  consolidationRowCells,
  type ConsolidationResult,
  type ConsolidationRow,
  type RowSource,
  type NotMergedCell,
  type SourceSummary,
} from "../core/consolidate";
import type { CellValue } from "../core/excelValues";
import type { Lang } from "../core/language";
import { ConsolidationWriter, type ConsolidationOutput, type FileBytes } from "./writeConsolidation";

/** What the thread is asked to do, in order. */
export type WriterMessage =
  /** Rows of one source: each row's own cells (consolidationRowCells), the source's once (fewer, shorter copies). */
  | { op: "rows"; source: RowSource; rows: CellValue[][] }
  | { op: "source"; source: SourceSummary; notMerged: readonly NotMergedCell[] }
  | { op: "finish"; result: ConsolidationResult }
  | { op: "close" }
  | { op: "bytes"; fd: number; bytes: Uint8Array };

/** The thread's first failure: its message, and the descriptor of the other file when it was that file's write. */
export interface WriterFailure {
  message: string;
  fd?: number;
}

/** On an error the thread reported: which file it could not write. */
export interface FailedOutput {
  output: "workbook" | "other";
}

/** What the thread is started with. */
export interface WriterWorkerData {
  /** Int32 slots shared with the thread: STARTED, DONE, FAILED. */
  state: SharedArrayBuffer;
  /** Where the thread sends the message of its failure. */
  port: MessagePort;
  /** The open output file. */
  fd: number;
  lang: Lang;
}

/** Slots of the shared state: the thread has started; messages it has handled; it has failed. */
export const STARTED = 0;
export const DONE = 1;
export const FAILED = 2;

/** Batches the thread may be behind before a call waits for it (a batch is at most a few hundred rows). */
const MAX_IN_FLIGHT = 16;
/** Longest wait without the thread handling a message (a batch takes milliseconds; `finish` of 10,000 files, seconds). */
const STALL_MS = 5 * 60_000;

/** The file name of the thread's script in the command line's bundle. */
export const WRITER_SCRIPT = "liat-writer.cjs";

export class ConsolidationWriterThread implements ConsolidationOutput {
  private readonly state = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private posted = 0;
  private closed = false;

  /** `fd`: the output file, open for writing (closed by `finish` or `close`); `script`: the thread's script. */
  constructor(
    private readonly fd: number,
    private readonly lang: Lang,
    script: string,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const workerData: WriterWorkerData = { state: this.state.buffer as SharedArrayBuffer, port: port2, fd, lang };
    this.worker = new Worker(script, { workerData, transferList: [port2] });
    // The merge waits for the thread itself (settle): neither keeps the process alive.
    this.worker.unref();
    port1.unref();
  }

  /** Hands the rows over by source (a batch usually holds rows of one source): each source's cells once. */
  addRows(rows: readonly ConsolidationRow[]): void {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i]!.source === rows[start]!.source) continue;
      const { fileName, city, period } = rows[start]!.source;
      const cells = rows.slice(start, i).map((r) => consolidationRowCells(r, this.lang));
      this.post({ op: "rows", source: { fileName, city, period }, rows: cells });
      start = i;
    }
  }

  addSource(source: SourceSummary, notMerged: readonly NotMergedCell[]): void {
    this.post({ op: "source", source, notMerged });
  }

  /** Writes the other sheets and closes the file; returns once it is written. */
  finish(result: ConsolidationResult): void {
    try {
      this.post({ op: "finish", result });
      this.settle(0);
    } finally {
      this.close();
    }
  }

  /** Stops the thread (after it has closed what it set aside) and closes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.send({ op: "close" });
      this.wait(0);
    } finally {
      closeSync(this.fd);
      void this.worker.terminate();
    }
  }

  /**
   * The bytes of another open file (the merge's JSON), written by this thread too, so that this one does not wait
   * for the disk: each piece is handed over whole (not copied). Finish that file before the workbook.
   */
  fileBytes(fd: number): FileBytes {
    return {
      keepsPieces: true,
      write: (bytes) => {
        // a piece of its own memory is handed over; one from Node's shared pool is copied
        const own = bytes.buffer.byteLength !== Buffer.poolSize;
        this.post({ op: "bytes", fd, bytes }, own ? [bytes.buffer as ArrayBuffer] : []);
      },
      flush: () => this.settle(0),
      release: () => {
        if (!this.closed) this.wait(0);
      },
    };
  }

  private post(message: WriterMessage, transfer: ArrayBuffer[] = []): void {
    if (this.closed) throw new Error("the consolidation workbook is already written");
    this.failure();
    this.send(message, transfer);
    this.settle(MAX_IN_FLIGHT);
  }

  /** Hands the thread a message, counted so that `wait` knows when it has handled them all. */
  private send(message: WriterMessage, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
    this.posted++;
  }

  /** Waits until the thread is at most `behind` messages behind, then throws its failure if it failed. */
  private settle(behind: number): void {
    this.wait(behind);
    this.failure();
  }

  private wait(behind: number): void {
    if (Atomics.load(this.state, STARTED) === 0 && Atomics.wait(this.state, STARTED, 0, STALL_MS) === "timed-out")
      throw new Error("the thread writing the workbook did not start");
    for (;;) {
      const done = Atomics.load(this.state, DONE);
      if (this.posted - done <= behind) return;
      if (Atomics.wait(this.state, DONE, done, STALL_MS) === "timed-out")
        throw new Error("the thread writing the workbook stopped answering");
    }
  }

  /** Throws the thread's failure, once it has reported one. */
  private failure(): void {
    if (Atomics.load(this.state, FAILED) === 0) return;
    const reported = receiveMessageOnPort(this.port)?.message as WriterFailure | undefined;
    const error = new Error(reported?.message ?? "the workbook could not be written");
    // which file could not be written: the workbook, or the other file (the JSON), for the message to name it
    throw Object.assign(error, { output: reported?.fd === undefined ? "workbook" : "other" } satisfies FailedOutput);
  }
}

/**
 * The consolidation workbook for `filename`: written by a thread of its own when the bundle's script for it
 * is there (`scriptDir`: the bundle's folder), else on this thread.
 */
export function openConsolidationOutput(filename: string, lang: Lang, scriptDir = __dirname): ConsolidationOutput {
  const script = join(scriptDir, WRITER_SCRIPT);
  if (!existsSync(script)) return new ConsolidationWriter({ filename }, lang);
  const fd = openSync(filename, "w");
  try {
    return new ConsolidationWriterThread(fd, lang, script);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
