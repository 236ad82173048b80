/**
 * One part of a zip (an XML part of a workbook), inflated as a stream and handed to a SAX parser
 * chunk by chunk: the part is never held whole, and inflating stops as soon as it passes its
 * limit or the size the zip's directory declared for it (a zip bomb lies about one or the other).
 */
import { Inflate } from "fflate";
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
/** Stored (not deflated) parts are decoded in slices of this size. */
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

/** Inflates an entry as a stream, calling `onChunk` with each piece; returns the bytes inflated. */
export function inflateEntry(
  zip: Uint8Array,
  entry: ZipEntry,
  limit: number,
  onChunk: (chunk: Uint8Array) => void,
): number {
  const data = entryData(zip, entry);
  let total = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > limit) throw new PartTooLargeError(entry.name, limit);
    if (total > entry.uncompressedSize)
      throw new PartDamagedError(entry.name, "more data than the zip directory declares");
    onChunk(chunk);
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += STORED_SLICE) take(data.subarray(at, at + STORED_SLICE));
    return total;
  }
  if (entry.method !== 8) throw new PartDamagedError(entry.name, `compression method ${entry.method} not supported`);
  const inflate = new Inflate((chunk) => take(chunk));
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let at = 0; at < data.length; at += SLICE)
      inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  } catch (e) {
    if (e instanceof ReadStop) throw e;
    throw new PartDamagedError(entry.name, e instanceof Error ? e.message : String(e));
  }
  return total;
}

/** The decoder for a part's bytes: UTF-8, or UTF-16 when the part starts with its byte-order mark. */
function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/** What takes a part's text piece by piece (an XML parser). */
export interface TextSink {
  write(text: string): void;
  close(): void;
}

/**
 * Inflates one part as a stream and hands its text to `sink` piece by piece (decoded as its byte-order mark
 * says); what fails other than a ReadStop is the part's damage.
 */
export function streamPartText(zip: Uint8Array, entry: ZipEntry, limit: number, sink: TextSink): void {
  let decoder: TextDecoder | null = null;
  const write = (chunk: Uint8Array) => {
    decoder ??= decoderFor(chunk);
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) sink.write(text);
  };
  try {
    inflateEntry(zip, entry, limit, write);
    if (decoder !== null) {
      const rest = (decoder as TextDecoder).decode();
      if (rest.length > 0) sink.write(rest);
    }
    sink.close();
  } catch (e) {
    if (e instanceof ReadStop) throw e;
    throw new PartDamagedError(entry.name, e instanceof Error ? e.message : String(e));
  }
}

/** Inflates and parses one XML part as a stream (saxes); element names reach the handlers without prefix. */
export function parseXmlPart(zip: Uint8Array, entry: ZipEntry, limit: number, handlers: XmlHandlers): void {
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
  streamPartText(zip, entry, limit, {
    write: (text) => {
      parser.write(text);
      // saxes gathers a text node in its (undocumented) `text` field until the next tag.
      if (((parser as unknown as { text?: string }).text?.length ?? 0) > MAX_XML_TEXT)
        throw new PartDamagedError(entry.name, `a text of more than ${MAX_XML_TEXT} characters`);
    },
    close: () => void parser.close(),
  });
}
