import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../contracts/index.js';
import { PLUGINS } from '../../../simulators/index.js';

const BIN = join(packageRoot(), 'bin', 'billing-sim.js');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function run(args: string[]): {
  child: ChildProcess;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  return { child, output };
}

function waitFor(child: ChildProcess, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for "${text}"; got:\n${seen}`)),
      20_000,
    );
    child.stdout!.on('data', (c) => {
      seen += c;
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
    child.on('exit', () => reject(new Error(`exited before "${text}"; got:\n${seen}`)));
  });
}

function getStatus(url: string): Promise<number | undefined> {
  const get = url.startsWith('https') ? httpsGet : httpGet;
  return new Promise((resolve) => {
    // The banner's RPRM certificate is self-signed; this test checks liveness, not trust.
    get(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', () => resolve(undefined));
  });
}

describe('billing-sim CLI', () => {
  it('--help explains serve and every flag', async () => {
    const { output } = run(['serve', '--help']);
    const { code, stdout } = await output;
    expect(code).toBe(0);
    for (const flag of [
      '--seed',
      '--time-scale',
      '--config',
      '--only',
      '--host',
      '--cert',
      '--key',
      '--generate-cert',
      '--state-file',
    ])
      expect(stdout).toContain(flag);
    expect(stdout).toContain('BILLING_SIM_STATE_FILE');
  });

  it('rejects a bad flag value with a clear message and a non-zero exit', async () => {
    const { output } = run(['serve', '--time-scale', 'fast']);
    const { code, stderr } = await output;
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--time-scale must be a number/);
    const unknown = await run(['serve', '--only', 'nosuchvendor']).output;
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toBe(
      'billing-sim: unknown simulator(s): nosuchvendor (have: purecloud, webex, rprm)\n',
    );
    const missing = await run(['serve', '--config', '/nonexistent/sim.yaml']).output;
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^billing-sim: cannot read config \/nonexistent\/sim.yaml: ENOENT/);
    const dir = mkdtempSync(join(tmpdir(), 'billing-sim-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'seed: [\n');
    const unreadable = await run(['serve', '--config', broken]).output;
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/^billing-sim: .*Flow sequence/);
    const both = await run(['serve', '--generate-cert', '--cert', broken, '--key', broken]).output;
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('billing-sim: --generate-cert and --cert exclude each other\n');
  });

  it('reads a JSON config file as well as YAML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billing-sim-'));
    const config = join(dir, 'sim.json');
    const first = PLUGINS.find((s) => !s.tls)!;
    writeFileSync(
      config,
      JSON.stringify({ seed: 9, only: [first.name], simulators: { [first.name]: { port: 0 } } }),
    );
    const { child, output } = run(['serve', '--config', config]);
    const banner = await waitFor(child, 'Ctrl-C to stop');
    expect(banner).toContain('seed 9');
    expect(banner).toContain(first.title);
    child.kill('SIGTERM');
    expect((await output).code).toBe(0);
  });

  it('serve starts every simulator from a config file, prints a banner with live URLs, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billing-sim-'));
    const config = join(dir, 'sim.yaml');
    const simulators = Object.fromEntries(PLUGINS.map((s) => [s.name, { port: 0 }]));
    writeFileSync(config, `seed: 3\nsimulators: ${JSON.stringify(simulators)}\n`);
    const { child, output } = run(['serve', '--config', config]);
    const banner = await waitFor(child, 'Ctrl-C to stop');
    expect(banner).toContain('seed 3');
    const healthUrls = [...banner.matchAll(/admin: (\S+)/g)].map((m) => m[1] as string);
    expect(healthUrls).toHaveLength(PLUGINS.length);
    for (const mod of PLUGINS) expect(banner).toContain(mod.title);
    for (const url of healthUrls) expect(await getStatus(url)).toBe(200);
    child.kill('SIGTERM');
    expect((await output).code).toBe(0);
  });
});
