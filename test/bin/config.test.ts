import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/files.js';

const BIN = join(packageRoot(), 'bin', 'billing-sim.js');
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'billing-sim-config-'));

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Runs the CLI; resolves on exit, or once stdout shows `until` (the process is then stopped). */
function run(
  args: string[],
  env: Record<string, string> = {},
  until?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
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
    if (until && stdout.includes(until)) child.kill('SIGTERM');
  });
  child.stderr!.on('data', (c) => {
    stderr += c;
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The twelve mistaken configs of issue 14, each with the line that must name its key. */
const MISTAKES: [string, string, string][] = [
  [
    'a typo in rateLimit.kind',
    'simulators:\n  webex:\n    rateLimit: { kind: fixedwindow, limit: 2, windowMs: 1000 }\n',
    '/simulators/webex/rateLimit/kind: must be one of fixed-window, token-bucket, off (got "fixedwindow")',
  ],
  [
    'an unknown simulator',
    'simulators:\n  wbex: { port: 0 }\n',
    '/simulators/wbex: unknown key (did you mean "webex"?)',
  ],
  [
    'ratelimit in lower case',
    'simulators:\n  webex:\n    ratelimit: { kind: "off" }\n',
    '/simulators/webex/ratelimit: unknown key (did you mean "rateLimit"?)',
  ],
  [
    'windowMs missing',
    'simulators:\n  purecloud:\n    rateLimit: { kind: fixed-window, limit: 2 }\n',
    '/simulators/purecloud/rateLimit/windowMs: is required',
  ],
  [
    'limit as a string',
    'simulators:\n  webex:\n    rateLimit: { kind: fixed-window, limit: "2", windowMs: 1000 }\n',
    '/simulators/webex/rateLimit/limit: must be integer (got "2")',
  ],
  [
    'refillPerSecond 0',
    'simulators:\n  rprm:\n    rateLimit: { kind: token-bucket, capacity: 5, refillPerSecond: 0 }\n',
    '/simulators/rprm/rateLimit/refillPerSecond: must be > 0 (got 0)',
  ],
  [
    'generation polls without count',
    'simulators:\n  webex:\n    generation: { kind: polls }\n',
    '/simulators/webex/generation/count: is required',
  ],
  [
    'port "99x"',
    'simulators:\n  webex:\n    port: "99x"\n',
    '/simulators/webex/port: must be integer (got "99x")',
  ],
  [
    'bodyLimitBytes -1',
    'simulators:\n  purecloud:\n    bodyLimitBytes: -1\n',
    '/simulators/purecloud/bodyLimitBytes: must be an integer from 0 to 1073741824 (got -1)',
  ],
  [
    'journalSize 1.5',
    'simulators:\n  rprm:\n    journalSize: 1.5\n',
    '/simulators/rprm/journalSize: must be integer (got 1.5)',
  ],
  ['a top-level timeScal', 'timeScal: 60\n', '/timeScal: unknown key (did you mean "timeScale"?)'],
  [
    'a fault whose Retry-After is text',
    'simulators:\n  webex:\n    faults: [{ effect: { status: 429, retryAfterSeconds: soon } }]\n',
    '/simulators/webex/faults/0/effect/retryAfterSeconds: must be integer (got "soon")',
  ],
];

describe('billing-sim serve refuses a mistaken configuration before listening', () => {
  it.each(MISTAKES)('%s: exits 2 naming the key', async (name, yaml, line) => {
    const path = file(`${name.replace(/\W+/g, '-')}.yaml`, yaml);
    const { code, stdout, stderr } = await run(['serve', '--config', path]);
    expect(code).toBe(2);
    expect(stdout).toBe(''); // no banner: nothing listened
    expect(stderr).toContain(`billing-sim: invalid config ${path}:\n`);
    expect(stderr).toContain(`  ${line}\n`);
  });

  it('starts with a correct configuration', async () => {
    const path = file(
      'good.yaml',
      [
        'seed: 4',
        'timeScale: 60',
        'only: [webex]',
        'kernel: { journalSize: 10 }',
        'simulators:',
        '  webex:',
        '    port: 0',
        '    rateLimit: { kind: token-bucket, capacity: 5, refillPerSecond: 1 }',
        '    generation: { kind: polls, count: 2 }',
        '    faults: [{ match: { path: /v1/** }, effect: { status: 503 }, times: 1 }]',
        '',
      ].join('\n'),
    );
    const checked = await run(['config', '--check', path]);
    expect(checked).toMatchObject({ code: 0, stdout: `${path}: valid\n` });
    const { code, stdout, stderr } = await run(['serve', '--config', path], {}, 'Ctrl-C to stop');
    expect(stderr).toBe('');
    expect(stdout).toContain('Webex Wholesale + BroadWorks billing reports');
    expect(stdout).toContain('seed 4 · clock ×60');
    expect(code).toBe(0);
  });

  it('config --check names every mistake of a file and exits 2 without starting anything', async () => {
    const path = file('two.yaml', 'timeScal: 1\nsimulators:\n  webex: { port: "99x" }\n');
    const { code, stdout, stderr } = await run(['config', '--check', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `billing-sim: invalid config ${path}:\n  /timeScal: unknown key (did you mean "timeScale"?)\n  /simulators/webex/port: must be integer (got "99x")\n`,
    );
  });

  it('config --schema prints the composed, closed schema for editors', async () => {
    const { code, stdout } = await run(['config', '--schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.additionalProperties).toBe(false);
    const sims = schema.properties.simulators;
    expect(Object.keys(sims.properties)).toEqual(['purecloud', 'webex', 'rprm']);
    for (const s of Object.values(sims.properties) as {
      additionalProperties: boolean;
      properties: object;
    }[]) {
      expect(s.additionalProperties).toBe(false);
      expect(Object.keys(s.properties)).toEqual(
        expect.arrayContaining(['port', 'rateLimit', 'faults', 'seed']),
      );
    }
    expect(sims.properties.webex.properties.port.default).toBe(8402);
  });
});

describe('the environment and --port go through the same validation', () => {
  it('BILLING_SIM_CONFIG names the file; BILLING_SIM_<VENDOR>_<OPTION> and BILLING_SIM_<OPTION> override it', async () => {
    const path = file('env.yaml', 'seed: 2\nsimulators:\n  webex: { port: 8402 }\n');
    const { code, stdout, stderr } = await run(
      ['serve'],
      {
        BILLING_SIM_CONFIG: path,
        BILLING_SIM_ONLY: 'webex',
        BILLING_SIM_WEBEX_PORT: '0',
        BILLING_SIM_SEED: '7',
      },
      'Ctrl-C to stop',
    );
    expect(stderr).toBe('');
    expect(stdout).toContain('seed 7');
    expect(stdout).not.toContain(':8402');
    expect(code).toBe(0);
  });

  it('a mistaken variable exits 2 naming the variable or the pointer', async () => {
    const typo = await run(['serve'], { BILLING_SIM_WEBEX_RATE_LIMT: '{"kind":"off"}' });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'billing-sim: invalid environment:\n  BILLING_SIM_WEBEX_RATE_LIMT: names no option (did you mean BILLING_SIM_WEBEX_RATE_LIMIT?)\n',
    );
    const value = await run(['serve'], { BILLING_SIM_WEBEX_RATE_LIMIT: '{"kind":"fixedwindow"}' });
    expect(value.code).toBe(2);
    expect(value.stderr).toContain(
      '  /simulators/webex/rateLimit/kind: must be one of fixed-window, token-bucket, off (got "fixedwindow")\n',
    );
    const journal = await run(['serve'], { BILLING_SIM_JOURNAL_SIZE: '1.5' });
    expect(journal.code).toBe(2);
    expect(journal.stderr).toContain('  /kernel/journalSize: must be integer (got 1.5)\n');
  });

  it('ignores the harness’s credential variables', async () => {
    const { code, stderr } = await run(
      ['serve', '--only', 'webex', '--port', 'webex=0'],
      { BILLING_SIM_WEBEX_TOKEN: 'secret' },
      'Ctrl-C to stop',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('--port webex=99x exits 2 naming the pointer', async () => {
    const { code, stderr } = await run(['serve', '--port', 'webex=99x']);
    expect(code).toBe(2);
    expect(stderr).toContain('  /simulators/webex/port: must be integer (got "99x")\n');
  });
});
