/**
 * One part of a zip (an XML part of a workbook), inflated as a stream and handed to a SAX parser
 * chunk by chunk: the part is never held whole (but by the native inflater the command line gives,
 * up to WHOLE_INFLATE_MAX bytes, and by fflate when it is small), and inflating stops as soon as it passes its limit or the size
 * the zip's directory declared for it (a zip bomb lies about one or the other).
 */
import { Inflate, inflateSync } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { entryData, type ZipEntry } from "./zipDirectory";

/** Why reading a file stops: thrown by the stream or by a part's handlers, passed through as is. */
export class ReadStop extends Error {}

/** A part inflates to more than allowed. */
export class PartTooLargeError extends ReadStop {
  constructor(
    readonly part: string,
    readonly limit: number,
  ) {
    super(`${part} inflates to more than ${limit} bytes`);
  }
}

/** A part cannot be inflated or parsed. */
export class PartDamagedError extends ReadStop {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`);
  }
}

/** What a part's reader does with the XML, element by element (names without their prefix). */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Compressed input is pushed in slices this small, so one push never inflates to more than ~16 MB. */
const SLICE = 16 * 1024;
/** Stored (not deflated) parts, and parts inflated whole, are decoded in slices of this size. */
const STORED_SLICE = 1024 * 1024;
/**
 * Longest text, comment or attribute value the parser may gather (characters): a cell holds at
 * most 32,767; a hostile part that is one endless text node is stopped here, not at its end.
 */
export const MAX_XML_TEXT = 16 * 1024 * 1024;

/** The name without its prefix ("x:c" → "c"), as the handlers get it. */
export const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Where a slice of bytes[start, end) ends: just after its last ">" within its last 64 KiB, or at `end` if none. */
function afterLastTag(bytes: Uint8Array, start: number, end: number): number {
  const from = Math.max(start, end - 65536);
  const gt = bytes.subarray(from, end).lastIndexOf(0x3e);
  return gt >= 0 ? from + gt + 1 : end;
}

/**
 * Hands `bytes` on in slices of about STORED_SLICE bytes, each ending just after a ">" byte when there is one in its
 * last 64 KiB: the text of a slice then ends with a whole tag, so the XML reader starts the next one afresh instead
 * of joining what is left of this one to it (a joined text is slower to read). Any cut gives the same result.
 */
function slices(bytes: Uint8Array, take: (chunk: Uint8Array) => void): void {
  for (let at = 0; at < bytes.length;) {
    let end = Math.min(at + STORED_SLICE, bytes.length);
    if (end < bytes.length) end = afterLastTag(bytes, at, end);
    take(bytes.subarray(at, end));
    at = end;
  }
}

/**
 * A native inflater of raw deflate data (the command line gives Node's zlib, several times faster than fflate): the
 * whole output at once, or it throws, when the output would pass maxLength bytes as when the data is damaged.
 */
export type RawInflater = (data: Uint8Array, maxLength: number) => Uint8Array;

/**
 * Largest part given whole to a RawInflater (its output is held whole, so memory stays bounded by this: 96 MiB, a
 * table of some 150,000 LIAT rows); a larger part is inflated as a stream by fflate.
 */
export const WHOLE_INFLATE_MAX = 96 * 1024 * 1024;

/**
 * An asynchronous native inflater of raw deflate data (the task pane's DecompressionStream), as a stream: it hands
 * each piece of output to `take` as it comes, and resolves once all is inflated; it rejects when the data is damaged
 * or cut short, or with what `take` throws (a limit passed), stopping there.
 */
export type AsyncRawInflater = (data: Uint8Array, take: (chunk: Uint8Array) => void) => Promise<void>;

/**
 * Smallest part (by its declared size) given to an asynchronous inflater by default: a stream costs some 0.3 ms to
 * set up and run (in Node 20), more than fflate takes for the few KB of most parts of an ordinary workbook.
 */
export const ASYNC_INFLATE_MIN = 128 * 1024;

/**
 * Largest compressed part fflate inflates whole (fflateWhole) rather than as a stream: the few KB of most parts of
 * an ordinary workbook. Bounded by the compressed size, because fflate inflating whole into a buffer does not stop
 * when the buffer is full: a part that lies about its size costs at most what this much deflate data can inflate
 * to (about 1,000 times as much: 64 MB, some 0.1 s), once, before it is read again as a stream and refused.
 */
export const FFLATE_WHOLE_MAX_COMPRESSED = 64 * 1024;

/**
 * fflate's one-shot inflate as a RawInflater, into a buffer of maxLength + 1 bytes made at once: several times
 * faster than its streaming inflater on small parts (which grows its buffer as it goes). Output that fills the
 * extra byte passes maxLength: it throws, and the part is read again as a stream, which says why.
 */
export function fflateWhole(data: Uint8Array, maxLength: number): Uint8Array {
  const out = inflateSync(data, { out: new Uint8Array(maxLength + 1) });
  if (out.length > maxLength) throw new RangeError(`inflates to more than ${maxLength} bytes`);
  return out;
}

/** The most a part may inflate to when inflated whole (the smaller of its limit and its declared size), or 0: not whole. */
function wholeMax(entry: ZipEntry, limit: number): number {
  const max = Math.min(limit, entry.uncompressedSize);
  return entry.method === 8 && max > 0 && max <= WHOLE_INFLATE_MAX ? max : 0;
}

/**
 * Gathers the pieces an inflater hands over (a few KB each) into slices of about STORED_SLICE bytes for `take`,
 * each cut just after a ">" as `slices` cuts them: the parser gets few, large pieces that end with a whole tag.
 */
class SliceGatherer {
  private buffer = new Uint8Array(2 * STORED_SLICE);
  private length = 0;

  constructor(private readonly take: (chunk: Uint8Array) => void) {}

  push(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const larger = new Uint8Array(Math.max(2 * this.buffer.length, this.length + chunk.length));
      larger.set(this.buffer.subarray(0, this.length));
      this.buffer = larger;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
    if (this.length >= STORED_SLICE) this.flush(false);
  }

  /** Hands on what is gathered: all of it at the end, else up to the last ">" in its last 64 KiB. */
  flush(all: boolean): void {
    const end = all ? this.length : afterLastTag(this.buffer, 0, this.length);
    if (end === 0) return;
    // the buffer is written again once `take` returns: what takes the slice decodes it at once (PartDecoder)
    this.take(this.buffer.subarray(0, end));
    this.buffer.copyWithin(0, end, this.length);
    this.length -= end;
  }
}

/**
 * The bytes of an entry as they are inflated, checked: past `limit`, or past the size the zip declares, the
 * reading stops (a zip bomb lies about one or the other).
 */
function checked(entry: ZipEntry, limit: number, onChunk: (chunk: Uint8Array) => void) {
  const take = (chunk: Uint8Array) => {
    take.total += chunk.length;
    if (take.total > limit) throw new PartTooLargeError(entry.name, limit);
    if (take.total > entry.uncompressedSize)
      throw new PartDamagedError(entry.name, "more data than the zip directory declares");
    onChunk(chunk);
  };
  take.total = 0;
  return take;
}

/**
 * Inflates an entry as a stream, calling `onChunk` with each piece; returns the bytes inflated. With `whole`, a part
 * of at most WHOLE_INFLATE_MAX bytes (by the smaller of its limit and its declared size) is inflated by it at once,
 * and handed on in pieces; when it fails (a limit passed, damage), the part is inflated again as a stream by
 * fflate, which stops where it always does and says why in its words, so that the outcome never depends on the
 * inflater.
 */
export function inflateEntry(
  zip: Uint8Array,
  entry: ZipEntry,
  limit: number,
  onChunk: (chunk: Uint8Array) => void,
  whole?: RawInflater,
): number {
  const data = entryData(zip, entry);
  const take = checked(entry, limit, onChunk);
  if (entry.method === 0) {
    slices(data, take);
    return take.total;
  }
  if (entry.method !== 8) throw new PartDamagedError(entry.name, `compression method ${entry.method} not supported`);
  const max = wholeMax(entry, limit);
  if (whole !== undefined && max > 0) {
    let out: Uint8Array | null;
    try {
      out = whole(data, max);
    } catch {
      // not lost: fflate reads the part again below and says what is wrong with it
      out = null;
    }
    if (out !== null) {
      slices(out, take);
      return take.total;
    }
  }
  const inflate = new Inflate((chunk) => take(chunk));
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let at = 0; at < data.length; at += SLICE)
      inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  } catch (e) {
    if (e instanceof ReadStop) throw e;
    throw new PartDamagedError(entry.name, e instanceof Error ? e.message : String(e));
  }
  return take.total;
}

/**
 * The decoder for a part's bytes: UTF-8, or UTF-16 when the part starts with its byte-order mark. The UTF-8 one
 * keeps a byte-order mark (streamPartText drops it at the start of the text, as a decoder would on its own), so
 * that it may decode a piece at once and then go on with the next as if it were the same stream.
 */
function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8", { ignoreBOM: true });
}

/** What takes a part's text piece by piece (an XML parser). */
export interface TextSink {
  write(text: string): void;
  close(): void;
}

/**
 * A part's bytes to text, piece by piece, for `sink`: UTF-8, or UTF-16 by its byte-order mark (decoderFor); the same
 * text as one TextDecoder given the whole part, wherever the pieces are cut.
 */
export class PartDecoder {
  private decoder: TextDecoder | null = null;
  private utf8 = false;
  private started = false;

  constructor(private readonly sink: TextSink) {}

  write(chunk: Uint8Array): void {
    if (this.decoder === null) {
      this.decoder = decoderFor(chunk);
      this.utf8 = this.decoder.encoding === "utf-8";
    }
    // A UTF-8 piece that ends with an ASCII byte leaves no character unfinished: decoded at once, which is faster
    // than as a stream and gives the same text (what is pending from the piece before is decoded with it).
    const last = chunk[chunk.length - 1];
    const whole = this.utf8 && last !== undefined && last < 0x80;
    this.emit(whole ? this.decoder.decode(chunk) : this.decoder.decode(chunk, { stream: true }));
  }

  /** The end of the part: what is left unfinished is decoded (as U+FFFD). */
  end(): void {
    if (this.decoder !== null) this.emit(this.decoder.decode());
  }

  private emit(text: string): void {
    if (text.length === 0) return;
    if (!this.started) {
      this.started = true;
      // a byte-order mark starting a UTF-8 part is not text (the UTF-16 decoders drop theirs themselves)
      if (this.utf8 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length === 0) return;
    }
    this.sink.write(text);
  }
}

/** What fails other than a ReadStop while a part is read is the part's damage. */
function asDamage(entry: ZipEntry, e: unknown): unknown {
  return e instanceof ReadStop ? e : new PartDamagedError(entry.name, e instanceof Error ? e.message : String(e));
}

/**
 * Inflates one part as a stream and hands its text to `sink` piece by piece (decoded as its byte-order mark
 * says); what fails other than a ReadStop is the part's damage.
 */
export function streamPartText(
  zip: Uint8Array,
  entry: ZipEntry,
  limit: number,
  sink: TextSink,
  whole?: RawInflater,
): void {
  const decoder = new PartDecoder(sink);
  try {
    inflateEntry(zip, entry, limit, (chunk) => decoder.write(chunk), whole);
    decoder.end();
    sink.close();
  } catch (e) {
    throw asDamage(entry, e);
  }
}

/**
 * streamPartText with an asynchronous inflater (a deflated part): each piece parsed as it is inflated, so that the
 * part is never held whole, within the same limits as inflateEntry's.
 */
export async function streamPartTextAsync(
  zip: Uint8Array,
  entry: ZipEntry,
  limit: number,
  sink: TextSink,
  inflater: AsyncRawInflater,
): Promise<void> {
  const decoder = new PartDecoder(sink);
  const gatherer = new SliceGatherer(checked(entry, limit, (chunk) => decoder.write(chunk)));
  try {
    await inflater(entryData(zip, entry), (chunk) => gatherer.push(chunk));
    gatherer.flush(true);
    decoder.end();
    sink.close();
  } catch (e) {
    throw asDamage(entry, e);
  }
}

/** saxes as a TextSink for the handlers (element names without prefix), the texts it gathers bounded. */
export function saxesSink(part: string, handlers: XmlHandlers): TextSink {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on("opentag", (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag: SaxesTagPlain) => close(localName(tag.name)));
  }
  return {
    write: (text) => {
      parser.write(text);
      // saxes gathers a text node in its (undocumented) `text` field until the next tag.
      if (((parser as unknown as { text?: string }).text?.length ?? 0) > MAX_XML_TEXT)
        throw new PartDamagedError(part, `a text of more than ${MAX_XML_TEXT} characters`);
    },
    close: () => void parser.close(),
  };
}
