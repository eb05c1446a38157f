import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../contracts/files.js';

const root = packageRoot();
/**
 * Shared test code and data, and suites that cross every folder: end-to-end runs, the packed
 * package, the built container image, the contract-driven fuzz of every simulator.
 */
const NOT_MIRRORED = new Set(['support', 'fixtures', 'e2e', 'package', 'container', 'fuzz']);

function folders(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((p) => statSync(p).isDirectory() && !NOT_MIRRORED.has(p.split('/').pop()!))
    .flatMap((p) => [p, ...folders(p)]);
}

describe('the test tree mirrors the source tree', () => {
  it('every test folder is the mirror of a source folder (test/simulators/kernel ↔ simulators/kernel)', () => {
    const unmirrored = folders(join(root, 'test'))
      .map((p) => relative(join(root, 'test'), p))
      .filter((p) => !existsSync(join(root, p)));
    expect(unmirrored).toEqual([]);
  });
});
