import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/files.js';

const root = packageRoot();

describe('types generated from the contracts', () => {
  it('exist for every contract', () => {
    const contracts = readdirSync(join(root, 'contracts')).filter((f) => f.endsWith('.openapi.yaml'));
    const generated = readdirSync(join(root, 'contracts', 'generated'));
    expect(generated.sort()).toEqual(contracts.map((f) => f.replace('.openapi.yaml', '.ts')).sort());
  });

  it('are not stale: regenerating them changes nothing', async () => {
    const run = promisify(execFile);
    const result = await run(
      process.execPath,
      [join(root, 'scripts', 'generate-contract-types.mjs'), '--check'],
      {
        cwd: root,
      },
    ).then(
      () => 'fresh',
      (e: { stderr: string }) => e.stderr,
    );
    expect(result).toBe('fresh');
  }, 60_000);
});
