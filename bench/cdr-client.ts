/**
 * Downloads one CDR ZIP as an integration would, in its own (pinned) process: time to first
 * body byte, bytes, seconds. The ZIP goes to a file so the driver can read its entry sizes.
 * argv[2]: JSON { url, headers, file, firstByteOnly }. stdout: one JSON line.
 * firstByteOnly: hang up after the first body byte (a warm time-to-first-byte probe).
 */
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

const { url, headers, file, firstByteOnly } = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  headers: Record<string, string>;
  file: string;
  firstByteOnly?: boolean;
};
const u = new URL(url);
const mod = u.protocol === 'https:' ? https : http;
// One small request first, so the client's own first-request costs (JIT, http parser setup)
// stay out of the time to first byte.
await new Promise<void>((resolve) => {
  mod
    .get(new URL('/_sim/health', u), { rejectUnauthorized: false }, (res) => {
      res.resume();
      res.once('end', resolve);
    })
    .once('error', () => resolve());
});
const t0 = performance.now();
const req = mod.get(u, { headers, rejectUnauthorized: false, timeout: 120_000 }, (res) => {
  const headersMs = performance.now() - t0;
  let ttfbMs: number | undefined;
  let bytes = 0;
  if (firstByteOnly) {
    res.once('data', () => {
      ttfbMs = performance.now() - t0;
      process.stdout.write(
        `${JSON.stringify({ status: res.statusCode, headersMs, ttfbMs, bytes: 0, seconds: 0 })}\n`,
      );
      req.destroy();
    });
    return;
  }
  const out = createWriteStream(file);
  res.on('data', (chunk: Buffer) => {
    ttfbMs ??= performance.now() - t0;
    bytes += chunk.length;
  });
  res.pipe(out);
  out.once('finish', () => {
    const seconds = (performance.now() - t0) / 1000;
    process.stdout.write(
      `${JSON.stringify({ status: res.statusCode, headersMs, ttfbMs, bytes, seconds })}\n`,
    );
  });
});
req.once('timeout', () => req.destroy(new Error('download timed out')));
req.once('error', (e) => {
  if (firstByteOnly && e.message === 'socket hang up') return;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
