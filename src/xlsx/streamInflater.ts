/**
 * The browser's native inflater for the task pane: DecompressionStream("deflate-raw") (Chromium and WebView2 103+,
 * Safari 16.4+, Firefox 113+, Node 21.2+ / 20.12+), several times faster than fflate. It is asynchronous, so the
 * reader inflates a part with it before parsing it (src/xlsx/partStream.ts, inflatedBeforehand). Where it is missing
 * (older Mac Excel, Excel 2016 on Windows), the pane reads with fflate alone.
 */
import type { AsyncRawInflater } from "./partStream";

/** Compressed input is written in slices this small, so that one slice never inflates to more than ~16 MB. */
const SLICE = 16 * 1024;

/**
 * Inflates raw deflate data with DecompressionStream, reading its output chunk by chunk into one buffer of
 * maxLength bytes: once the output would pass it, the stream is cancelled (a zip bomb costs no more than maxLength
 * and one slice's output) and the promise rejects, as it does for damaged or truncated data.
 */
export async function inflateWithDecompressionStream(data: Uint8Array, maxLength: number): Promise<Uint8Array> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  // Written slice by slice, each when the stream asks for more (its backpressure), while the output is read.
  const writing = (async () => {
    for (let at = 0; at < data.length && !stopped; at += SLICE)
      await writer.write(data.subarray(at, Math.min(at + SLICE, data.length)) as Uint8Array<ArrayBuffer>);
    if (!stopped) await writer.close();
  })();
  // a failure of the writing side errors the stream, and so the reading below: it is seen there
  writing.catch(() => {});
  // the smaller of the part's limit and its declared size: exactly the part's size when the zip tells the truth
  const out = new Uint8Array(maxLength);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > maxLength) throw new RangeError(`inflates to more than ${maxLength} bytes`);
      out.set(value, length);
      length += value.length;
    }
  } catch (e) {
    stopped = true;
    await reader.cancel().catch(() => {});
    throw e;
  }
  return out.subarray(0, length);
}

/** The native inflater where the browser has DecompressionStream with "deflate-raw", otherwise undefined. */
export function decompressionStreamInflater(): AsyncRawInflater | undefined {
  if (typeof DecompressionStream !== "function") return undefined;
  try {
    // an engine that knows the stream but not this format throws here
    new DecompressionStream("deflate-raw");
  } catch {
    return undefined;
  }
  return inflateWithDecompressionStream;
}
