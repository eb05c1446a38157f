import { Writable } from 'node:stream';

/** A Writable that keeps what is written, for asserting console output. */
export function capture(): Writable & { text(): string } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(out, { text: () => chunks.join('') });
}
