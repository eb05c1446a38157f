import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../contracts/index.js';

const BIN = join(packageRoot(), 'bin', 'billing-sim.js');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

interface Run {
  child: ChildProcess;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
  banner: () => Promise<string>;
}

/** The built CLI with the environment given (BILLING_SIM_* of the test runner left out). */
function run(args: string[], env: Record<string, string> = {}): Run {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('BILLING_SIM_')),
  );
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...clean, ...env },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => {
    stdout += c;
  });
  child.stderr!.on('data', (c) => {
    stderr += c;
  });
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  const banner = () =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner; got:\n${stdout}\n${stderr}`)), 20_000);
      const check = () => {
        if (!stdout.includes('Ctrl-C to stop')) return;
        clearTimeout(timer);
        resolve(stdout);
      };
      child.stdout!.on('data', check);
      child.on('exit', () => reject(new Error(`exited before the banner:\n${stdout}\n${stderr}`)));
      check();
    });
  return { child, output, banner };
}

const apiUrl = (banner: string) => /admin: (\S+)\/_sim\/health/.exec(banner)![1]!;
const WHOLESALE = '/v1/wholesale/billing/reports';

describe('serve --state-file', () => {
  it('saves every simulator on SIGTERM (atomically, 0600) and continues from it at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billing-sim-state-'));
    const file = join(dir, 'state.json');
    const args = [
      'serve',
      '--only',
      'webex,rprm',
      '--port',
      'webex=0',
      '--port',
      'rprm=0',
      '--state-file',
      file,
    ];

    const first = run(args);
    const banner = await first.banner();
    expect(banner).toContain(`state: saved to ${file} on stop (no saved state yet)`);
    const url = apiUrl(banner);
    // An OAuth access token (signed with this process's random key) and a report mid-generation.
    const grant = await fetch(`${url}/v1/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'C0billingsimdemo0acme0integration',
        client_secret: 'billing-sim-demo-client-secret',
        refresh_token: 'acme-demo-refresh-token',
      }),
    });
    expect(grant.status).toBe(200);
    const access = ((await grant.json()) as { access_token?: string }).access_token;
    const auth = { Authorization: `Bearer ${access}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${url}${WHOLESALE}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', type: 'PARTNER' }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    await fetch(`${url}/_sim/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'kept', match: { path: '/v1/nothing' }, effect: { status: 503 } }),
    });
    first.child.kill('SIGTERM');
    expect((await first.output).code).toBe(0);

    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ format: 'billing-sim.state-file', version: 1 });
    expect(Object.keys(saved.simulators).sort()).toEqual(['rprm', 'webex']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['state.json']); // no temporary file left behind

    // The next start (state file from the environment this time) continues from it.
    const second = run(args.slice(0, -2), { BILLING_SIM_STATE_FILE: file });
    const again = await second.banner();
    expect(again).toContain(`state: restored from ${file}; saved there again on stop`);
    const url2 = apiUrl(again);
    const report = await fetch(`${url2}${WHOLESALE}/${id}`, { headers: auth });
    expect(report.status).toBe(200); // the access token of the first process still verifies
    expect(((await report.json()) as { id: string }).id).toBe(id);
    const faults = (await (await fetch(`${url2}/_sim/faults`)).json()) as { faults: { id: string }[] };
    expect(faults.faults.map((f) => f.id)).toEqual(['kept']);
    second.child.kill('SIGINT');
    expect((await second.output).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('a damaged state file or one of another world stops the start with exit 2 and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billing-sim-state-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "billing-sim.state-file",');
    const bad = await run(['serve', '--only', 'rprm', '--port', 'rprm=0', '--state-file', broken]).output;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--state-file .*broken\.json is not a state file \(not JSON/);

    // Saved by a seed-1 world, offered to a seed-2 one.
    const file = join(dir, 'state.json');
    const first = run(['serve', '--only', 'rprm', '--port', 'rprm=0', '--state-file', file]);
    await first.banner();
    first.child.kill('SIGTERM');
    expect((await first.output).code).toBe(0);
    const before = readFileSync(file, 'utf8');
    const other = await run([
      'serve',
      '--seed',
      '2',
      '--only',
      'rprm',
      '--port',
      'rprm=0',
      '--state-file',
      file,
    ]).output;
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/cannot be restored into these simulators/);
    expect(other.stderr).toMatch(/rprm: world\/seed: the snapshot's seed is 1, this simulator's is 2/);
    expect(readFileSync(file, 'utf8')).toBe(before); // a refused file is left as it was
  });
});
