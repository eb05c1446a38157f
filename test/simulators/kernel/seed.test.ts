import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededData, UuidWriter } from '../../../simulators/kernel/index.js';

describe('SeededData', () => {
  it('gives the same values for the same seed and key, whatever the order', () => {
    const a = new SeededData(7);
    const b = new SeededData(7);
    const firstA = a.faker('org:1').person.fullName();
    b.faker('org:2').person.fullName(); // another entity first must not shift org:1
    expect(b.faker('org:1').person.fullName()).toBe(firstA);
    expect(a.uuid('report:1')).toBe(b.uuid('report:1'));
    expect(a.rng('x').int(0, 1_000_000)).toBe(b.rng('x').int(0, 1_000_000));
  });

  it('differs across seeds and keys', () => {
    expect(new SeededData(1).uuid('k')).not.toBe(new SeededData(2).uuid('k'));
    expect(new SeededData(1).uuid('k1')).not.toBe(new SeededData(1).uuid('k2'));
  });

  it('makes RFC 4122 v4-shaped UUIDs and in-range integers', () => {
    const rng = new SeededData(3).rng('r');
    for (let i = 0; i < 200; i++) {
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const n = rng.int(5, 9);
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(9);
    }
  });
});

describe('UuidWriter', () => {
  it('draws the same digits as Rng.uuid() from the same stream, with its prefix and case', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.string({ unit: 'binary-ascii', maxLength: 12 }),
        fc.boolean(),
        (seed, prefix, upper) => {
          const data = new SeededData(seed);
          const a = data.rng('k');
          const b = data.rng('k');
          const writer = new UuidWriter(prefix, upper);
          for (let i = 0; i < 3; i++) {
            const plain = a.uuid();
            expect(writer.draw(b)).toBe(prefix + (upper ? plain.toUpperCase() : plain));
          }
          expect(b.position).toBe(a.position);
        },
      ),
    );
  });
});
