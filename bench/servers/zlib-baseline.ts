/**
 * The CDR stream's anchors, in one process with no HTTP: the same window (same seed) made
 * into a counting sink either as the ZIP's three CSVs, one after the other, through plain zlib
 * deflate-raw level 6 (`mode: 'zlib'`, the anchor), or as the simulator's own three-CSV ZIP
 * (`mode: 'zip'`, RPRM's streamCdrZip via createCdrSource — what HTTP adds is the difference).
 * Row generation is included in both. argv[2]: JSON { mode, calls, from, callsPerDay }.
 * stdout: one JSON line.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw } from 'node:zlib';
import { createCdrSource } from '../../simulators/rprm/index.js';

const { mode, calls, from, callsPerDay } = JSON.parse(process.argv[2] ?? '{}') as {
  mode: 'zlib' | 'zip';
  calls: number;
  from: number;
  callsPerDay: number;
};
const source = createCdrSource({ seed: 1, callsPerDay, maxCdrRecords: Number.MAX_SAFE_INTEGER });
const window = source.windowOfCalls(from, calls);
let csvBytes = 0;
let outBytes = 0;
let ttfbMs: number | undefined;
const t0 = performance.now();
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    ttfbMs ??= performance.now() - t0;
    outBytes += chunk.length;
    done();
  },
});
if (mode === 'zip') {
  // Uncompressed bytes are counted as rows are made (the ZIP's entries hold exactly these).
  const zip = source.zip(window, sink);
  if ((await zip.done) !== 'finished') throw new Error('zip aborted');
  csvBytes = Number.NaN;
} else {
  // The three CSVs one after the other through one deflate-raw stream: the ZIP's rows without
  // the ZIP (entries, CRC-32, archiver's streams).
  const files = source.csvFiles(window);
  await pipeline(
    async function* () {
      for (const file of files)
        for await (const chunk of file as AsyncIterable<Buffer | string>) {
          csvBytes += Buffer.byteLength(chunk);
          yield chunk;
        }
    },
    createDeflateRaw({ level: 6 }),
    sink,
  );
}
const seconds = (performance.now() - t0) / 1000;
const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
process.stdout.write(
  `${JSON.stringify({ csvBytes, outBytes, seconds, ttfbMs, peakRssMb: Number(hwm?.[1] ?? 0) / 1024 })}\n`,
);
