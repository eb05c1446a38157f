import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/index.js';
import { loadHarnesses } from '../../harness/vendors.js';

const BIN = join(packageRoot(), 'bin', 'billing-sim.js');
const VERSION = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function configFile(config: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'billing-sim-cli-')), 'sim.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('a CLI that explains itself', () => {
  it('--version and -V print the package version', async () => {
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await cli([flag]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${VERSION}\n`);
    }
  });

  it('every --help has examples, exit codes and environment variables, and no internal defaults', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['flows', '--help'], ['help', 'flows']]) {
      const { code, stdout } = await cli(args);
      expect(code, args.join(' ')).toBe(0);
      for (const section of ['Examples:\n  $ billing-sim', 'Exit codes:\n  0', 'Environment variables:\n'])
        expect(stdout, args.join(' ')).toContain(section);
      expect(stdout).not.toMatch(/\(default: (\{\}|\[\]|undefined|null)\)|\[object /);
    }
    const flows = await cli(['flows', '--help']);
    for (const v of await loadHarnesses()) for (const e of v.env) expect(flows.stdout).toContain(e.env);
    expect(flows.stdout).toMatch(/^\s+2\s+usage error/m);
    const serve = await cli(['serve', '--help']);
    expect(serve.stdout).toContain('BILLING_SIM_LOG');
    expect(serve.stdout).toContain('--log <format>');
  });

  it('usage errors exit 2 with the message once', async () => {
    const unknown = await cli(['serve', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.match(/unknown option '--bogus'/g)).toHaveLength(1);
    const badLog = await cli(['serve', '--log', 'loud']);
    expect(badLog.code).toBe(2);
    expect(badLog.stderr).toContain('--log wants one of pretty, json, off, got "loud"');
  });

  it('a port in use names the simulator, the port and the fix', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const config = configFile({ only: ['webex'], simulators: { webex: { port } } });
      const { code, stderr } = await cli(['serve', '--config', config]);
      expect(code).toBe(2);
      expect(stderr).toContain(`(webex): port ${port} on 127.0.0.1 is already in use (EADDRINUSE)`);
      expect(stderr).toContain('simulators.webex.port in the --config file (0 picks a free one)');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('an unusable certificate names the HTTPS simulator and the fix; an unreadable one names the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billing-sim-cert-'));
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    writeFileSync(cert, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n');
    writeFileSync(key, 'not a key\n');
    const config = configFile({ only: ['rprm'], simulators: { rprm: { port: 0 } } });
    const bad = await cli(['serve', '--config', config, '--cert', cert, '--key', key]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^billing-sim: .*\(rprm\): the HTTPS certificate is not usable \(/);
    expect(bad.stderr).toContain('--cert/--key');
    const missing = await cli(['serve', '--config', config, '--cert', join(dir, 'nope.pem'), '--key', key]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`billing-sim: cannot read --cert ${join(dir, 'nope.pem')}: ENOENT\n`);
  });
});
