import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/index.js';

/** The compiled CLI (`npm test` builds first), as a user runs it. */
const BIN = join(packageRoot(), 'bin', 'billing-sim.js');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
      cwd: dir,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('billing-sim flows (compiled CLI)', () => {
  it('runs a vendor against embedded simulators, prints the summary, writes the reports, exits 0', async () => {
    const { code, stdout, stderr } = await cli([
      'flows',
      '--vendor',
      'rprm',
      '--at',
      '2026-03-15T10:00:00Z',
      '--out',
      'out',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('▶ Polycom RPRM / DMA CDR export — https://127.0.0.1:');
    expect(stdout).toContain('All 1 flow(s) passed.');
    for (const file of ['report.json', 'junit.xml', 'billing-lines.csv', 'billing-lines.json'])
      expect(existsSync(join(dir, 'out', file)), file).toBe(true);
    expect(await readFile(join(dir, 'out', 'billing-lines.csv'), 'utf8')).toMatch(
      /\nrprm,dma-east\.example\.com,PT-PT minutes,\d+,minute,0\.01,[\d.]+,USD,2026-02-01,2026-02-28,product\n/,
    );
  }, 60_000);

  it('writes JUnit where --junit says', async () => {
    const { code } = await cli([
      'flows',
      '--vendor',
      'rprm',
      '--out',
      'out2',
      '--junit',
      'ci/results/flows.xml',
    ]);
    expect(code).toBe(0);
    expect(await readFile(join(dir, 'ci', 'results', 'flows.xml'), 'utf8')).toMatch(
      /<testsuite name="rprm" tests="4" failures="0"/,
    );
  }, 60_000);

  it('exits 2 with a readable message for usage errors', async () => {
    const unknown = await cli(['flows', '--vendor', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'billing-sim flows: --vendor: unknown nope (have: purecloud, webex, rprm, webex-wholesale, webex-broadworks)\n',
    );
    const noToken = await cli(['flows', '--vendor', 'webex', '--target', 'webex=http://127.0.0.1:9']);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toBe(
      'billing-sim flows: --target webex needs environment variable(s): BILLING_SIM_WEBEX_TOKEN\n',
    );
    const badCard = await cli(['flows', '--rate-card', 'missing.yaml']);
    expect(badCard.code).toBe(2);
    expect(badCard.stderr).toMatch(/^billing-sim flows: cannot read rate card missing\.yaml: ENOENT/);
  }, 60_000);
});
