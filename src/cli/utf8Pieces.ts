/**
 * Text written out in pieces: each text added is encoded as UTF-8 straight into one reused buffer, which is
 * handed on when full. No long string is ever built, so writing a large output makes no large garbage (a long
 * string lives in the old generation until a full collection, and peak memory would follow the output's size).
 * The merge's streamed writers use it (src/cli/xlsxStreamWriter.ts, src/cli/writeConsolidation.ts).
 */

/** Bytes gathered before they are handed on. */
export const PIECE_BYTES = 1 << 20;

export class Utf8Pieces {
  private buffer: Buffer;
  private used = 0;

  /**
   * `out` gets each piece (a view of the reused buffer, unless `keepsPieces`: use or copy it before returning),
   * `final` true for the last one (see end).
   */
  constructor(
    private readonly out: (bytes: Buffer, final: boolean) => void,
    /** True when `out` keeps each piece (hands it to another thread): a new buffer is then taken for the next. */
    private readonly keepsPieces = false,
  ) {
    this.buffer = this.newBuffer();
  }

  /** A buffer of its own memory when pieces are kept (so that it can be handed over whole), else from the pool. */
  private newBuffer(): Buffer {
    return this.keepsPieces ? Buffer.allocUnsafeSlow(PIECE_BYTES) : Buffer.allocUnsafe(PIECE_BYTES);
  }

  add(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (!this.room(text.length * 3)) return this.out(Buffer.from(text, "utf8"), false);
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  /** Adds bytes already encoded (UTF-8, whole characters). */
  addBytes(bytes: Uint8Array): void {
    if (!this.room(bytes.length)) return this.out(Buffer.from(bytes), false);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /**
   * Makes room for `bytes` more: hands on what is gathered when they would not fit after it. False when they
   * are more than a piece holds (they are then handed on as a piece of their own).
   */
  private room(bytes: number): boolean {
    if (this.used + bytes <= PIECE_BYTES) return true;
    if (this.used > 0) this.handOn(false);
    return bytes <= PIECE_BYTES;
  }

  /** Hands on what is gathered (when there is any). */
  flush(): void {
    if (this.used > 0) this.handOn(false);
  }

  /** Hands on the last piece (possibly empty), marked final. */
  end(): void {
    this.handOn(true);
  }

  private handOn(final: boolean): void {
    const bytes = this.buffer.subarray(0, this.used);
    this.used = 0;
    if (this.keepsPieces && !final) this.buffer = this.newBuffer();
    this.out(bytes, final);
  }
}
