/**
 * The CDR stream's anchor: the same call rows (same seed, same window) as CSV, through plain
 * zlib deflate-raw level 6, into a counting sink — row generation included, no HTTP, no ZIP.
 * argv[2]: JSON { calls, from, callsPerDay }. stdout: one JSON line.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw } from 'node:zlib';
import { createCdrSource } from '../../simulators/rprm/index.js';

const { calls, from, callsPerDay } = JSON.parse(process.argv[2] ?? '{}') as {
  calls: number;
  from: number;
  callsPerDay: number;
};
const source = createCdrSource({ seed: 1, callsPerDay, maxCdrRecords: Number.MAX_SAFE_INTEGER });
const window = source.windowOfCalls(from, calls);
let csvBytes = 0;
let deflatedBytes = 0;
let ttfbMs: number | undefined;
const t0 = performance.now();
const csv = source.callsCsv(window);
csv.on('data', (chunk: Buffer | string) => {
  csvBytes += Buffer.byteLength(chunk);
});
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    ttfbMs ??= performance.now() - t0;
    deflatedBytes += chunk.length;
    done();
  },
});
await pipeline(csv, createDeflateRaw({ level: 6 }), sink);
const seconds = (performance.now() - t0) / 1000;
const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
process.stdout.write(
  `${JSON.stringify({ csvBytes, deflatedBytes, seconds, ttfbMs, peakRssMb: Number(hwm?.[1] ?? 0) / 1024 })}\n`,
);
