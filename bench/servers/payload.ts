import { readFileSync } from 'node:fs';

/** The response the anchors serve: captured from billing-sim's endpoint so every server sends the same bytes. */
export interface Payload {
  path: string;
  contentType: string;
  body: unknown;
}

/** A small billing-like object, used when no simulator payload was captured (kernel bench, cold start). */
const FALLBACK: Payload = {
  path: '/bench/payload',
  contentType: 'application/json',
  body: { id: 'r-1', status: 'COMPLETED', billingPeriod: { start: '2026-03-01', end: '2026-03-31' } },
};

export function readPayload(): Payload {
  const file = process.env.BENCH_PAYLOAD_FILE;
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as Payload) : FALLBACK;
}

/** Tells the driver where the server listens. */
export function announce(info: Record<string, unknown>): void {
  process.stdout.write(`READY ${JSON.stringify(info)}\n`);
}

export function exitOnSignal(close: () => unknown): void {
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
