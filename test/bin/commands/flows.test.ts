import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../contracts/index.js';

/**
 * The golden example as a user runs it (`npm test` builds the CLI first): the expected lines
 * pass, one changed amount fails with a diff naming the line and the field, and a data section
 * the vendor refuses stops the command with the JSON pointer before anything runs.
 */
const root = packageRoot();
const BIN = join(root, 'bin', 'billing-sim.js');
const CONFIG = join(root, 'examples', 'golden', 'sim.yaml');
const EXPECTED = join(root, 'examples', 'golden', 'expected-lines.csv');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flows-golden-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('billing-sim flows --config examples/golden/sim.yaml --expect', () => {
  it('exits 0 when the billing lines are exactly the expected ones, and writes them in the same format', async () => {
    const out = join(dir, 'ok');
    const run = await cli(['flows', '--config', CONFIG, '--expect', EXPECTED, '--out', out]);
    expect(run.stdout).toMatch(/billing lines match .*expected-lines\.csv: 34 line\(s\)/);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await readFile(join(out, 'billing-lines.csv'), 'utf8')).toBe(await readFile(EXPECTED, 'utf8'));
  }, 180_000);

  it('exits 1 with a readable diff when one amount is changed, a line is missing and one is unexpected', async () => {
    const lines = (await readFile(EXPECTED, 'utf8')).trimEnd().split('\n');
    const webex = [lines[0]!, ...lines.filter((l) => l.startsWith('webex,'))];
    const edited = webex
      .map((l) =>
        l.replace(
          'webex,Initech,webex_calling,12,subscription,12.5,150.00',
          'webex,Initech,webex_calling,12,subscription,12.5,168.00',
        ),
      )
      .filter((l) => !l.startsWith('webex,Hooli,cx_essentials'));
    edited.push('webex,Globex,webex_calling,1,subscription,14,14.00,USD,2026-10-01,2026-10-31,product');
    const file = join(dir, 'changed.csv');
    await writeFile(file, `${edited.join('\n')}\n`);
    const run = await cli([
      'flows',
      '--config',
      CONFIG,
      '--vendor',
      'webex',
      '--expect',
      file,
      '--out',
      join(dir, 'changed'),
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('5 of 7 expected line(s) match, 1 missing, 1 unexpected, 1 changed');
    expect(run.stdout).toContain('changed     webex | Initech | webex_calling | 2026-10-01 | 2026-10-31');
    expect(run.stdout).toContain('amount: expected 168.00, got 150.00');
    expect(run.stdout).toContain('missing     webex | Globex | webex_calling');
    expect(run.stdout).toContain(
      'unexpected  webex | Hooli | cx_essentials | 2026-10-01 | 2026-10-31: 2 subscription × 18 = 36.00 USD',
    );
  }, 180_000);

  it('an invalid data section is refused at start naming its JSON pointer (exit 2), serve and flows alike', async () => {
    const bad = join(dir, 'bad.yaml');
    await writeFile(
      bad,
      [
        'simulators:',
        '  purecloud:',
        '    port: 0',
        '    data:',
        '      orgs:',
        '        - id: 3a9e6b52-1f4d-4c87-8e2a-6d5b9c0f1e21',
        '          users:',
        '            - name: ada@contoso.example.com',
        '              licences: [{ sku: PC-170-NV-NOPE, from: 2026-01-05T09:00:00Z }]',
        '',
      ].join('\n'),
    );
    for (const command of ['serve', 'flows']) {
      const run = await cli([command, '--config', bad]);
      expect(run.code, `${command}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain(
        '/simulators/purecloud/data/orgs/0/users/0/licences/0/sku: must be one of',
      );
    }
    // Schema-valid but refused by the vendor (no such org): the pointer is named all the same.
    const unknown = join(dir, 'unknown-org.yaml');
    await writeFile(
      unknown,
      'simulators:\n  purecloud:\n    port: 0\n    data:\n      orgs: [{ id: no-such-org }]\n',
    );
    const run = await cli(['serve', '--config', unknown]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/simulators/purecloud/data/orgs/0/id: names no configured org');
  }, 120_000);
});
