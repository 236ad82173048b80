/** Files crafted byte by byte for the reader's tests (nothing big is committed: the tests make them). */

export /** A minimal OLE compound file whose directory holds these stream names. */
function compoundFile(names: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  const dv = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  dv.setUint16(24, 0x3e, true);
  dv.setUint16(26, 3, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, 9, true);
  dv.setUint16(32, 6, true);
  dv.setUint32(44, 1, true); // one FAT sector
  dv.setUint32(48, 1, true); // directory in sector 1
  dv.setUint32(60, 0xfffffffe, true);
  dv.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = 512;
  for (let i = 0; i < 128; i++) dv.setUint32(fat + i * 4, 0xffffffff, true);
  dv.setUint32(fat, 0xfffffffd, true);
  dv.setUint32(fat + 4, 0xfffffffe, true);
  ["Root Entry", ...names].forEach((name, i) => {
    const at = 1024 + i * 128;
    for (let c = 0; c < name.length; c++) dv.setUint16(at + c * 2, name.charCodeAt(c), true);
    dv.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}
