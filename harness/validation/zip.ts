import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

/**
 * A downloaded ZIP on disk. A ZIP's index sits at its end, so it cannot be read while it
 * streams in; spooling to a temporary file keeps memory flat and lets yauzl read entries
 * one by one as streams.
 */
export class SpooledZip {
  private constructor(
    readonly dir: string,
    readonly file: string,
    readonly bytes: number,
  ) {}

  static async from(body: Readable, name = 'download.zip'): Promise<SpooledZip> {
    const dir = await mkdtemp(join(tmpdir(), 'billing-sim-harness-'));
    const file = join(dir, name);
    let bytes = 0;
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    try {
      await pipeline(body, createWriteStream(file));
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    return new SpooledZip(dir, file, bytes);
  }

  /** Entry names in the central directory; throws a readable error for a broken archive. */
  async entries(): Promise<string[]> {
    const zip = await this.open();
    try {
      const names: string[] = [];
      await eachEntry(zip, async (entry) => {
        names.push(entry.fileName);
      });
      return names;
    } finally {
      zip.close();
    }
  }

  /** Calls `use` with a stream of each entry, in archive order. */
  async read(use: (name: string, stream: Readable) => Promise<void>): Promise<void> {
    const zip = await this.open();
    try {
      await eachEntry(zip, async (entry) => {
        if (entry.fileName.endsWith('/')) return;
        const stream = await zip.openReadStreamPromise(entry);
        await use(entry.fileName, stream);
      });
    } finally {
      zip.close();
    }
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  private async open(): Promise<yauzl.ZipFile> {
    try {
      return await yauzl.openPromise(this.file, { lazyEntries: true, autoClose: false });
    } catch (e) {
      throw new Error(`not a readable ZIP (${this.bytes} bytes): ${(e as Error).message}`);
    }
  }
}

function eachEntry(zip: yauzl.ZipFile, visit: (entry: yauzl.Entry) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      visit(entry).then(
        () => zip.readEntry(),
        (e) => reject(e),
      );
    });
    zip.on('end', () => resolve());
    zip.on('error', (e: Error) => reject(new Error(`broken ZIP: ${e.message}`)));
    zip.readEntry();
  });
}
