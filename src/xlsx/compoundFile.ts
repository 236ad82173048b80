/**
 * What an OLE compound file ([MS-CFB]) holds, by the names in its directory: an old binary Excel
 * workbook (a "Workbook" or "Book" stream) or an encrypted .xlsx (Office encryption puts the
 * workbook in "EncryptedPackage" beside "EncryptionInfo"). Both start with the same eight bytes,
 * so only the directory tells them apart. Nothing is decrypted or decoded here.
 */

export type CompoundKind = "encrypted" | "oldXls" | "other";

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const HEADER = 512;
const DIR_ENTRY = 128;
const END_OF_CHAIN = 0xfffffffe;
/** Sector numbers at or above this are markers (free, end of chain, FAT, DIFAT), not sectors. */
const MAX_SECTOR = 0xfffffffa;

/** The names of the streams and storages in a compound file's directory. */
export function compoundFileNames(bytes: Uint8Array): string[] {
  if (bytes.length < HEADER) throw new Error("compound file header cut short");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 2 ** dv.getUint16(30, true);
  if (sectorSize !== 512 && sectorSize !== 4096) throw new Error("compound file header damaged");
  const sectorCount = Math.floor((bytes.length - HEADER) / sectorSize) + 1;
  const offset = (sector: number) => HEADER + sector * sectorSize;
  const perSector = sectorSize / 4;

  // The FAT's sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(dv.getUint32(76 + i * 4, true));
  let difat = dv.getUint32(68, true);
  for (let guard = 0; difat < MAX_SECTOR && guard < sectorCount; guard++) {
    const at = offset(difat);
    if (at + sectorSize > bytes.length) break;
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(dv.getUint32(at + i * 4, true));
    difat = dv.getUint32(at + sectorSize - 4, true);
  }
  const next = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined || fatSector >= MAX_SECTOR) return END_OF_CHAIN;
    const at = offset(fatSector) + (sector % perSector) * 4;
    return at + 4 <= bytes.length ? dv.getUint32(at, true) : END_OF_CHAIN;
  };

  // The directory: a chain of sectors of 128-byte entries (UTF-16LE name, its length in bytes, type).
  const names: string[] = [];
  let sector = dv.getUint32(48, true);
  for (let guard = 0; sector < MAX_SECTOR && guard < sectorCount; guard++) {
    const at = offset(sector);
    if (at + sectorSize > bytes.length) break;
    for (let e = at; e < at + sectorSize; e += DIR_ENTRY) {
      const type = bytes[e + 66];
      const nameBytes = dv.getUint16(e + 64, true);
      if ((type !== 1 && type !== 2 && type !== 5) || nameBytes < 2 || nameBytes > 64) continue;
      let name = "";
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(dv.getUint16(e + i, true));
      names.push(name);
    }
    sector = next(sector);
  }
  if (names.length === 0) throw new Error("compound file directory not found");
  return names;
}

/** What a compound file is, by its directory. */
export function compoundFileKind(bytes: Uint8Array): CompoundKind {
  const names = new Set(compoundFileNames(bytes).map((n) => n.toLowerCase()));
  if (names.has("encryptedpackage") || names.has("encryptioninfo")) return "encrypted";
  if (names.has("workbook") || names.has("book")) return "oldXls";
  return "other";
}
