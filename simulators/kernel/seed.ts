import { createRequire } from 'node:module';
import type { Faker } from '@faker-js/faker';

// Faker is required on first use, not imported: no simulator draws a name before its first
// request, and the English locale is a large part of what `serve` would otherwise compile at
// start (bench/README.md). Node's module cache keeps it once loaded; the package's main entry
// loads every locale (finding 4), while the English entry carries the same en+base
// definitions, so seeded values are identical.
const load = createRequire(import.meta.url);

/**
 * Deterministic data: every value is a pure function of (seed, key). Keys name the entity
 * ("org:acme/user:17"), so the same entity gets the same values whatever order it is created in.
 */

/** 32-bit FNV-1a: fast, stable across runs and platforms; enough to spread seeds. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small seeded PRNG (mulberry32) for hot loops where a Faker instance would cost too much. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Where the stream stands (a state snapshot keeps it; `seek` returns to it). */
  get position(): number {
    return this.state;
  }

  seek(position: number): void {
    this.state = position >>> 0;
  }

  /** Float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bool(probability = 0.5): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** RFC 4122 version-4 shaped UUID drawn from this generator. */
  uuid(): string {
    // String concatenation from a byte→hex table: TrackingIDs and correlation ids are drawn on
    // every request, and the array/join version cost a few µs each.
    let out = '';
    for (let i = 0; i < 16; i++) {
      let byte = Math.floor(this.next() * 256);
      if (i === 6) byte = (byte & 0x0f) | 0x40;
      else if (i === 8) byte = (byte & 0x3f) | 0x80;
      out += HEX[byte];
      if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
    }
    return out;
  }
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** ASCII codes of each byte's two hex digits, lower case then upper case (512 entries each). */
const HEX_CODES = Uint8Array.from(HEX.flatMap((h) => [h.charCodeAt(0), h.charCodeAt(1)]));
const HEX_CODES_UPPER = Uint8Array.from(
  HEX.flatMap((h) => [h.toUpperCase().charCodeAt(0), h.toUpperCase().charCodeAt(1)]),
);

/**
 * Writes `prefix` + a UUID drawn from a generator as one flat string, through a buffer it owns:
 * the same draws and digits as `Rng.uuid()`, without the twenty intermediate strings that a
 * per-request id (TrackingID, a correlation id) otherwise leaves for the garbage collector.
 */
export class UuidWriter {
  private readonly buffer: Buffer;
  private readonly codes: Uint8Array;

  constructor(
    private readonly prefix = '',
    upper = false,
  ) {
    this.buffer = Buffer.alloc(Buffer.byteLength(prefix, 'latin1') + 36);
    this.buffer.write(prefix, 'latin1');
    this.codes = upper ? HEX_CODES_UPPER : HEX_CODES;
  }

  draw(rng: Rng): string {
    const { buffer, codes } = this;
    let at = this.prefix.length;
    for (let i = 0; i < 16; i++) {
      let byte = Math.floor(rng.next() * 256);
      if (i === 6) byte = (byte & 0x0f) | 0x40;
      else if (i === 8) byte = (byte & 0x3f) | 0x80;
      buffer[at++] = codes[byte * 2] as number;
      buffer[at++] = codes[byte * 2 + 1] as number;
      if (i === 3 || i === 5 || i === 7 || i === 9) buffer[at++] = 0x2d;
    }
    return buffer.toString('latin1', 0, at);
  }
}

export class SeededData {
  constructor(readonly seed: number) {}

  /** Numeric sub-seed for an entity key. */
  seedFor(key: string): number {
    return hash32(`${this.seed}\u0000${key}`);
  }

  rng(key: string): Rng {
    return new Rng(this.seedFor(key));
  }

  /** A Faker seeded for this key alone. Create one per entity, not per row of a big file. */
  faker(key: string): Faker {
    const { faker: english } = load(
      '@faker-js/faker/locale/en',
    ) as typeof import('@faker-js/faker/locale/en');
    const FakerClass = english.constructor as typeof Faker;
    const faker = new FakerClass({ locale: english.rawDefinitions });
    faker.seed(this.seedFor(key));
    return faker;
  }

  uuid(key: string): string {
    return this.rng(key).uuid();
  }
}
