/**
 * The central directory of a zip file (an .xlsx, .xlsm or .ods is one): the name, method, sizes
 * and place of every entry, read from the end of the file without inflating anything, so that the
 * declared sizes can be checked before a byte is inflated. Zip64 sizes are read too (a hostile file
 * declares its gigabytes there). Structure errors throw ZipStructureError.
 */

export interface ZipEntry {
  /** Entry name as stored ("xl/worksheets/sheet1.xml"). */
  name: string;
  /** 0 = stored, 8 = deflated; anything else cannot be read here. */
  method: number;
  /** General purpose flags (bit 0: the entry is encrypted). */
  flags: number;
  compressedSize: number;
  /** Size once inflated, as the directory declares it. */
  uncompressedSize: number;
  /** Offset of the entry's local header in the file. */
  localOffset: number;
}

/** The zip's structure cannot be read (cut short, overwritten, not a zip). */
export class ZipStructureError extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD64_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
/** The end record is followed by a comment of at most 65,535 bytes. */
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder("utf-8");

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A 64-bit little-endian size as a number (exact below 2^53, which any real size is). */
function u64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 2 ** 32;
}

function endOfCentralDirectory(dv: DataView): number {
  const last = dv.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) if (dv.getUint32(at, true) === EOCD_SIGNATURE) return at;
  throw new ZipStructureError("no end of central directory (the file is cut short or is not a zip)");
}

/** Reads the central directory: every entry, in directory order. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  if (bytes.byteLength < EOCD_SIZE) throw new ZipStructureError("too short to be a zip");
  const dv = view(bytes);
  const eocd = endOfCentralDirectory(dv);
  let count = dv.getUint16(eocd + 10, true);
  let size = dv.getUint32(eocd + 12, true);
  let offset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && dv.getUint32(locator, true) === EOCD64_LOCATOR_SIGNATURE) {
      const at = u64(dv, locator + 8);
      if (at + 56 > dv.byteLength || dv.getUint32(at, true) !== EOCD64_SIGNATURE)
        throw new ZipStructureError("zip64 end of central directory missing");
      count = u64(dv, at + 32);
      size = u64(dv, at + 40);
      offset = u64(dv, at + 48);
    }
  }
  if (offset + size > dv.byteLength) throw new ZipStructureError("central directory beyond the end of the file");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dv.byteLength || dv.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw new ZipStructureError("central directory entry damaged");
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localOffset = dv.getUint32(at + 42, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > dv.byteLength) throw new ZipStructureError("central directory entry damaged");
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
    let x = at + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = dv.getUint16(x, true);
      const len = dv.getUint16(x + 2, true);
      if (id === 0x0001) {
        let p = x + 4;
        const take = () => {
          const v = p + 8 <= x + 4 + len ? u64(dv, p) : 0;
          p += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      x += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset });
    at = end;
  }
  return entries;
}

/** The compressed bytes of an entry (a view, not a copy). */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > dv.byteLength || dv.getUint32(at, true) !== LOCAL_SIGNATURE)
    throw new ZipStructureError(`local header of ${entry.name} damaged`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > dv.byteLength) throw new ZipStructureError(`${entry.name} is cut short`);
  return bytes.subarray(start, end);
}
