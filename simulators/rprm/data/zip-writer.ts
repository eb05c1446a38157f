import type { Readable, TransformCallback } from 'node:stream';
import { crc32, DeflateRaw, type ZlibOptions } from 'node:zlib';
import ZipStream from 'zip-stream';

/**
 * deflate-raw that keeps the CRC-32 and both sizes of what passes through: the stream
 * zip-stream asks for each deflated entry (its own DeflateCRC32Stream), with zlib's native
 * crc32 in place of a JavaScript one. The bytes are the same; the export is CPU-bound and the
 * checksum was the largest cost the ZIP added to deflate (measured in bench/README.md).
 */
export class DeflateCrc32 extends DeflateRaw {
  private crc = 0;
  private rawBytes = 0;
  private compressedBytes = 0;

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    this.rawBytes += chunk.length;
    super._transform(chunk, encoding, callback);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk) this.compressedBytes += (chunk as Buffer).length;
    return super.push(chunk, encoding);
  }

  /** The CRC-32 as 4 big-endian bytes, as zip-stream reads it. */
  digest(): Buffer {
    const out = Buffer.allocUnsafe(4);
    out.writeUInt32BE(this.crc >>> 0, 0);
    return out;
  }

  size(compressed = false): number {
    return compressed ? this.compressedBytes : this.rawBytes;
  }
}

/**
 * zip-stream (archiver's ZIP engine, used directly: one stream hop and one queue fewer) with
 * each deflated entry written through DeflateCrc32. The hook is compress-commons'
 * `_smartStream(entry, callback)`; test/simulators/rprm/data/zip-writer.test.ts fails if a
 * release of zip-stream stops calling it or changes what it must return.
 */
export class CdrZipWriter extends ZipStream {
  constructor(zlib: ZlibOptions) {
    super({ zlib });
  }

  protected override _smartStream(
    entry: ZipStream.Entry,
    callback: (error: Error | null) => void,
  ): DeflateCrc32 {
    const deflate = new DeflateCrc32(this.options.zlib);
    let error: Error | null = null;
    deflate.once('error', (e: Error) => {
      error = e;
    });
    deflate.once('end', () => {
      entry.setCrc(deflate.digest().readUInt32BE(0));
      entry.setSize(deflate.size());
      entry.setCompressedSize(deflate.size(true));
      this._afterAppend(entry);
      callback(error);
    });
    deflate.pipe(this, { end: false });
    return deflate;
  }

  /** Appends one file; `done` is called once it is in the archive (or failed). */
  add(source: Readable, name: string, date: Date, done: (error: Error | null) => void): void {
    // 0644, the mode archiver gave these files: the same archive bytes as before.
    this.entry(source, { name, date, mode: 0o644 }, done);
  }
}
