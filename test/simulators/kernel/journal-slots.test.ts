import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestBodyText, type StoredEntry } from '../../../simulators/kernel/journal.js';
import { JournalSlots } from '../../../simulators/kernel/journal-slots.js';

// Text the wire can carry: no control characters in a URL, a token or a header line.
const wireText = (max: number) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: max }),
      fc.string({ unit: fc.constantFrom('a', '/', '%', '=', ' ', 'é', '€', '😀'), maxLength: max }),
    )
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping exactly those
    .map((s) => s.replace(/[\u0000-\u001f\u007f]/g, ''));
const packed = fc
  .array(fc.tuple(wireText(20), wireText(300)), { maxLength: 12 })
  .map((lines) => lines.flat().join('\0'));
const chunks = fc.option(
  fc.array(
    fc.oneof(
      wireText(1500),
      fc.uint8Array({ maxLength: 1500 }).map((b) => Buffer.from(b)),
    ),
    { minLength: 1, maxLength: 3 },
  ),
  { nil: undefined },
);

const entryArb = fc.record({
  seq: fc.nat(),
  atMs: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  method: fc.constantFrom('GET', 'POST', 'DELETE'),
  path: wireText(1200),
  query: wireText(100),
  status: fc.integer({ min: 0, max: 599 }),
  durationMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
  tenant: fc.option(fc.string(), { nil: undefined }),
  token: fc.option(wireText(60), { nil: undefined }),
  fault: fc.option(fc.string(), { nil: undefined }),
  requestBytes: fc.nat(),
  requestHeaders: packed,
  requestBody: fc.option(fc.jsonValue(), { nil: undefined }),
  responseHeaders: packed,
  responseChunks: chunks,
  responseCaptured: fc.nat(),
  responseBytes: fc.nat(),
}) as fc.Arbitrary<StoredEntry>;

/** The body's bytes, however it was kept (strings as UTF-8). */
function bodyBytes(c: StoredEntry['responseChunks']): Buffer {
  return Buffer.concat((c ?? []).map((x) => (typeof x === 'string' ? Buffer.from(x, 'utf8') : x)));
}

describe('the journal’s compact slots', () => {
  it('read gives back what was written: every field, whatever fits the slot or not', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 70 }),
        (entries, capacity) => {
          const slots = new JournalSlots(capacity);
          const last = new Map<number, StoredEntry>();
          entries.forEach((e, k) => {
            slots.write(k % capacity, e);
            last.set(k % capacity, e);
          });
          for (let i = 0; i < capacity; i++) {
            const want = last.get(i);
            expect(slots.used(i)).toBe(want !== undefined);
            const got = slots.read(i);
            if (want === undefined) {
              expect(got).toBeUndefined();
              continue;
            }
            const { responseChunks: gotChunks, requestBody: _g, ...gotRest } = got as StoredEntry;
            const { responseChunks: wantChunks, requestBody: _w, ...wantRest } = want;
            expect(gotRest).toEqual(wantRest);
            // A parsed body comes back as the text the journal shows for it.
            expect(requestBodyText(got as StoredEntry) || undefined).toEqual(
              requestBodyText(want) || undefined,
            );
            expect(bodyBytes(gotChunks).equals(bodyBytes(wantChunks))).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a slot overwritten by a later entry keeps nothing of the earlier one', () => {
    const slots = new JournalSlots(1);
    const base: StoredEntry = {
      seq: 1,
      atMs: 0,
      method: 'POST',
      path: '/a',
      query: 'x=1',
      status: 201,
      durationMs: 1,
      tenant: 't1',
      token: 'secret',
      fault: 'f1',
      requestBytes: 2,
      requestHeaders: 'content-type\0application/json',
      requestBody: { a: 1 },
      responseHeaders: 'x\0'.padEnd(2000, 'y'),
      responseChunks: ['{"big":true}'],
      responseCaptured: 12,
      responseBytes: 12,
    };
    slots.write(0, base);
    const emptied = {
      seq: 2,
      tenant: undefined,
      token: undefined,
      fault: undefined,
      requestBody: undefined,
      responseHeaders: '',
      responseChunks: undefined,
    };
    slots.write(0, { ...base, ...emptied });
    expect(slots.read(0)).toMatchObject(emptied);
    slots.clear();
    expect(slots.used(0)).toBe(false);
    expect(slots.read(0)).toBeUndefined();
  });
});
