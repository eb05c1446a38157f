import { Readable } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import yauzl from 'yauzl';
import ZipStream from 'zip-stream';
import { CdrZipWriter, DeflateCrc32 } from '../../../../simulators/rprm/data/zip-writer.js';

const DATE = new Date(2026, 2, 1, 12, 0, 0);

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

/** A ZIP of `files`, each given as a stream of the chunks listed, written one entry at a time. */
async function zipWith(
  archive: ZipStream,
  files: [string, Buffer[]][],
  add: (source: Readable, name: string, done: (e: Error | null) => void) => void,
) {
  const bytes = collect(archive);
  for (const [name, chunks] of files)
    await new Promise<void>((resolve, reject) =>
      add(Readable.from(chunks), name, (e) => (e ? reject(e) : resolve())),
    );
  archive.finalize();
  return bytes;
}

const ours = (files: [string, Buffer[]][]) => {
  const w = new CdrZipWriter({ level: 6 });
  return zipWith(w, files, (s, name, done) => w.add(s, name, DATE, done));
};
const stock = (files: [string, Buffer[]][]) => {
  const z = new ZipStream({ zlib: { level: 6 } });
  return zipWith(z, files, (s, name, done) => z.entry(s, { name, date: DATE, mode: 0o644 }, done));
};

interface Read {
  name: string;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  data: Buffer;
}

/** Every entry with its central-directory CRC and sizes, and its bytes inflated by hand. */
function readZip(zip: Buffer): Promise<Read[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      const out: Read[] = [];
      z.on('entry', (e: yauzl.Entry) => {
        z.openReadStream(e, { decompress: false }, (err2, s) => {
          if (err2 || !s) return reject(err2);
          collect(s).then((raw) => {
            out.push({
              name: e.fileName,
              crc32: e.crc32,
              compressedSize: e.compressedSize,
              uncompressedSize: e.uncompressedSize,
              data: inflateRawSync(raw),
            });
            z.readEntry();
          }, reject);
        });
      });
      z.once('end', () => resolve(out));
      z.once('error', reject);
      z.readEntry();
    });
  });
}

const files = fc.array(
  fc.tuple(
    fc.stringMatching(/^[a-z]{1,8}\.csv$/),
    fc.array(
      fc.uint8Array({ minLength: 1, maxLength: 3000 }).map((a) => Buffer.from(a)),
      { maxLength: 6 },
    ),
  ),
  { minLength: 1, maxLength: 3 },
);

describe('CdrZipWriter: zip-stream with native CRC-32', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes each deflated entry through DeflateCrc32 (zip-stream still calls the _smartStream hook)', async () => {
    const seen = vi.spyOn(DeflateCrc32.prototype, 'size');
    const zip = await ours([['calls.csv', [Buffer.from('a,b\r\n1,2\r\n')]]]);
    expect(seen).toHaveBeenCalled();
    const [entry] = await readZip(zip);
    expect(entry?.data.toString()).toBe('a,b\r\n1,2\r\n');
  });

  it('gives byte for byte the archive zip-stream writes with its own checksum stream', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (fs) => {
        expect((await ours(fs)).equals(await stock(fs))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('records the CRC-32 and both sizes of every entry, over any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (fs) => {
        const read = await readZip(await ours(fs));
        expect(read.map((r) => r.name)).toEqual(fs.map(([n]) => n));
        for (const [i, [, chunks]] of fs.entries()) {
          const content = Buffer.concat(chunks);
          const r = read[i]!;
          expect(r.data.equals(content)).toBe(true);
          expect(r.uncompressedSize).toBe(content.length);
          expect(r.crc32).toBe(crc32(content));
        }
      }),
      { numRuns: 40 },
    );
  });
});
