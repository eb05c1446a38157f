/**
 * The part of zip-stream 7 (archiverjs/node-zip-stream, which ships no types) that
 * zip-writer.ts beside it uses, including the compress-commons hook it overrides.
 */
declare module 'zip-stream' {
  import { Transform } from 'node:stream';
  import type { ZlibOptions } from 'node:zlib';

  namespace ZipStream {
    interface Options {
      zlib?: ZlibOptions;
      forceZip64?: boolean;
      forceLocalTime?: boolean;
      comment?: string;
    }
    interface EntryData {
      name: string;
      date?: Date | string;
      mode?: number;
      store?: boolean;
      comment?: string;
    }
    /** compress-commons' ZipArchiveEntry. */
    interface Entry {
      getMethod(): number;
      setCrc(crc: number): void;
      setSize(size: number): void;
      setCompressedSize(size: number): void;
    }
  }

  class ZipStream extends Transform {
    constructor(options?: ZipStream.Options);
    protected options: { zlib: ZlibOptions };
    entry(
      source: Buffer | string | NodeJS.ReadableStream,
      data: ZipStream.EntryData,
      callback?: (error: Error | null) => void,
    ): this;
    finalize(): void;
    getBytesWritten(): number;
    protected _smartStream(entry: ZipStream.Entry, callback: (error: Error | null) => void): Transform;
    protected _afterAppend(entry: ZipStream.Entry): void;
  }
  export default ZipStream;
}
