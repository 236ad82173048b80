/**
 * The thread that writes the consolidation workbook for the merge (src/cli/consolidationWriterThread.ts): it
 * takes the messages in order and hands them to a ConsolidationWriter writing to the open file. After a
 * failure it reports the message once and only counts what follows, so the merge never waits for nothing.
 */
import { writeSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import {
  DONE,
  FAILED,
  STARTED,
  type WriterFailure,
  type WriterMessage,
  type WriterWorkerData,
} from "./consolidationWriterThread";
import { consolidationRowOf } from "../core/consolidate";
import { ConsolidationWriter } from "./writeConsolidation";

const data = workerData as WriterWorkerData;
const state = new Int32Array(data.state);
let writer: ConsolidationWriter | null = null;
let failed = false;

/** Reports the first failure: its message, and the other file's descriptor when it was that file's write. */
function fail(e: unknown, fd?: number): void {
  if (failed) return;
  failed = true;
  data.port.postMessage({ message: e instanceof Error ? e.message : String(e), fd } satisfies WriterFailure);
  Atomics.store(state, FAILED, 1);
  try {
    writer?.close();
  } catch {
    // the failure reported is the first one
  }
}

function handle(message: WriterMessage): void {
  if (message.op === "close") {
    writer?.close();
    return;
  }
  if (failed || writer === null) return;
  if (message.op === "bytes") {
    try {
      writeSync(message.fd, message.bytes);
    } catch (e) {
      fail(e, message.fd);
    }
  } else if (message.op === "rows")
    writer.addRowValues(message.rows.map((cells) => consolidationRowOf(message.source, cells, data.lang)));
  else if (message.op === "source") writer.addSource(message.source, message.notMerged);
  else writer.finish(message.result);
}

try {
  const fd = data.fd;
  writer = new ConsolidationWriter({ sink: (bytes) => void writeSync(fd, bytes) }, data.lang);
} catch (e) {
  fail(e);
}
Atomics.store(state, STARTED, 1);
Atomics.notify(state, STARTED);

parentPort!.on("message", (message: WriterMessage) => {
  try {
    handle(message);
  } catch (e) {
    fail(e);
  } finally {
    Atomics.add(state, DONE, 1);
    Atomics.notify(state, DONE);
  }
});
