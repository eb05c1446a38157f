import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/index.js';

const BIN = join(packageRoot(), 'bin', 'billing-sim.js');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...withoutAdminToken(process.env), ...env },
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
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  const banner = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner; stderr:\n${stderr}`)), 20_000);
    child.stdout!.on('data', () => {
      if (stdout.includes('Ctrl-C to stop')) {
        clearTimeout(timer);
        resolve(stdout);
      }
    });
    child.on('exit', () => reject(new Error(`exited: ${stderr}`)));
  });
  banner.catch(() => {}); // awaited only by the tests that expect a banner
  return { child, exited, banner, stderr: () => stderr };
}

function config(): string {
  const dir = mkdtempSync(join(tmpdir(), 'billing-sim-token-'));
  const file = join(dir, 'sim.json');
  writeFileSync(file, JSON.stringify({ only: ['purecloud'], simulators: { purecloud: { port: 0 } } }));
  return file;
}

const adminUrl = (banner: string) => /admin: (http\S+)\/_sim\/health/.exec(banner)?.[1] as string;

describe('serve --admin-token', () => {
  it('refuses to bind beyond loopback without a token', async () => {
    const { exited } = run(['serve', '--config', config(), '--host', '0.0.0.0']);
    const out = await exited;
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/binding to 0\.0\.0\.0 exposes the \/_sim admin API: give --admin-token/);
  });

  it('--insecure-admin binds with a warning; --admin-token makes the admin API demand it', async () => {
    const open = run(['serve', '--config', config(), '--host', '0.0.0.0', '--insecure-admin']);
    await open.banner;
    expect(open.stderr()).toMatch(/^warning: the \/_sim admin API on 0\.0\.0\.0 is open/m);
    open.child.kill('SIGTERM');

    const guarded = run(['serve', '--config', config(), '--host', '0.0.0.0', '--admin-token', 's3cret']);
    const banner = await guarded.banner;
    expect(banner).toMatch(/admin token required/);
    const url = adminUrl(banner).replace('0.0.0.0', '127.0.0.1');
    expect((await fetch(`${url}/_sim/health`)).status).toBe(200);
    expect((await fetch(`${url}/_sim/faults`)).status).toBe(401);
    const ok = await fetch(`${url}/_sim/faults`, { headers: { Authorization: 'Bearer s3cret' } });
    expect(ok.status).toBe(200);
    guarded.child.kill('SIGTERM');
  });

  it('takes the token from BILLING_SIM_ADMIN_TOKEN, on loopback too', async () => {
    const s = run(['serve', '--config', config()], { BILLING_SIM_ADMIN_TOKEN: 'from-env' });
    const url = adminUrl(await s.banner);
    expect((await fetch(`${url}/_sim/clock`)).status).toBe(401);
    expect((await fetch(`${url}/_sim/clock`, { headers: { 'X-Sim-Admin-Token': 'from-env' } })).status).toBe(
      200,
    );
    s.child.kill('SIGTERM');
  });
});

function withoutAdminToken(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BILLING_SIM_ADMIN_TOKEN: _ignored, ...rest } = env;
  return rest;
}

describe('serve: the admin token from the config file', () => {
  it('kernel.adminToken in the config is demanded; a wrong type is refused before listening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billing-sim-token-'));
    const good = join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        only: ['purecloud'],
        kernel: { adminToken: 'from-file' },
        simulators: { purecloud: { port: 0 } },
      }),
    );
    const s = run(['serve', '--config', good, '--host', '0.0.0.0']);
    const url = adminUrl(await s.banner).replace('0.0.0.0', '127.0.0.1');
    expect((await fetch(`${url}/_sim/faults`)).status).toBe(401);
    expect(
      (await fetch(`${url}/_sim/faults`, { headers: { Authorization: 'Bearer from-file' } })).status,
    ).toBe(200);
    s.child.kill('SIGTERM');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ kernel: { adminToken: 5 } }));
    const out = await run(['serve', '--config', bad]).exited;
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/adminToken/);
  });
});
