import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requestLogger } from '../../bin/request-log.js';
import { packageRoot } from '../../contracts/index.js';

const BIN = join(packageRoot(), 'bin', 'billing-sim.js');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

const ENTRY = {
  atMs: Date.parse('2026-10-15T10:00:00Z'),
  vendor: 'webex',
  method: 'GET',
  path: '/v1/wholesale/billing/reports',
  status: 503,
  durationMs: 1.25,
  fault: 'fault-1',
  tenant: 'acme',
};
const NOW = () => new Date('2026-12-01T08:30:00.250Z');

function sink(isTTY = false) {
  const lines: string[] = [];
  return { lines, out: { isTTY, write: (t: string) => lines.push(t) } };
}

describe('request log (serve --log)', () => {
  it('json: one object per line with every field, null when empty', () => {
    const { lines, out } = sink();
    const log = requestLogger('json', out, NOW)!;
    log(ENTRY);
    log({ ...ENTRY, status: 200, fault: undefined, tenant: undefined });
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '2026-12-01T08:30:00.250Z',
      simTime: '2026-10-15T10:00:00.000Z',
      simulator: 'webex',
      method: 'GET',
      path: '/v1/wholesale/billing/reports',
      status: 503,
      durationMs: 1.25,
      fault: 'fault-1',
      tenant: 'acme',
    });
    expect(JSON.parse(lines[1]!)).toMatchObject({ status: 200, fault: null, tenant: null });
  });

  it('pretty: time, simulator, method, path, status, duration, fault, tenant on one line; off logs nothing', () => {
    const { lines, out } = sink();
    requestLogger('pretty', out, NOW)!(ENTRY);
    expect(lines).toEqual([
      '08:30:00.250 webex     GET    /v1/wholesale/billing/reports 503 1.3ms fault=fault-1 tenant=acme\n',
    ]);
    const dropped = sink();
    requestLogger('pretty', dropped.out, NOW)!({ ...ENTRY, status: 0, fault: undefined, tenant: undefined });
    expect(dropped.lines[0]).toBe('08:30:00.250 webex     GET    /v1/wholesale/billing/reports DROP 1.3ms\n');
    expect(requestLogger('off', out, NOW)).toBeUndefined();
  });

  it('billing-sim serve --log json writes one JSON line per vendor request to stdout (jq reads it), the banner to stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billing-sim-log-'));
    const config = join(dir, 'sim.json');
    writeFileSync(config, JSON.stringify({ only: ['webex'], simulators: { webex: { port: 0 } } }));
    const child = spawn(process.execPath, [BIN, 'serve', '--config', config, '--log', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c) => {
      stdout += c;
    });
    const banner = await new Promise<string>((resolve, reject) => {
      child.stderr!.on('data', (c) => {
        stderr += c;
        if (stderr.includes('Ctrl-C to stop')) resolve(stderr);
      });
      child.on('exit', () => reject(new Error(`exited early:\n${stderr}`)));
    });
    const url = /admin: (\S+)\/_sim\/health/.exec(banner)![1]!;
    expect(banner).toContain(`dashboard: ${url}/_sim/ui`);
    expect((await fetch(`${url}/v1/wholesale/billing/reports`)).status).toBe(401);
    expect(
      (await fetch(`${url}/v1/wholesale/billing/reports`, { headers: { 'X-Sim-Fault': '503' } })).status,
    ).toBe(503);
    expect((await fetch(`${url}/_sim/health`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((p) => [p.simulator, p.method, p.path, p.status, p.fault])).toEqual([
      ['webex', 'GET', '/v1/wholesale/billing/reports', 401, null],
      ['webex', 'GET', '/v1/wholesale/billing/reports', 503, 'header'],
    ]);
    for (const p of parsed) expect(typeof p.durationMs).toBe('number');
    if (existsSync('/usr/bin/jq')) {
      const statuses = execFileSync('/usr/bin/jq', ['-c', '.status'], { input: stdout, encoding: 'utf8' });
      expect(statuses).toBe('401\n503\n');
    }
  });
});
