import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/index.js';
import { HttpError } from '../../harness/http/errors.js';
import type { RunReport } from '../../harness/reports/model.js';
import { type StubServer, stubServer } from './support/stub-server.js';

/** The compiled CLI (`npm test` builds first), as CI runs it. */
const BIN = join(packageRoot(), 'bin', 'billing-sim.js');
let dir: string;
let server: StubServer;
let child: ChildProcess | undefined;

/**
 * A PureCloud target that hands out a token, then answers the billable-usage poll with
 * `503 Retry-After: 60` for ever: the run sits in a real-time wait, as against a busy vendor.
 */
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-signals-'));
  server = await stubServer((req, res) => {
    if (req.url?.startsWith('/oauth/token')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 86399 }));
      return;
    }
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '60' });
    res.end(JSON.stringify({ status: 503, code: 'service.unavailable', message: 'busy' }));
  });
});

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function start(): {
  exited: Promise<{ code: number | null; signal: string | null; ms: number }>;
  output: () => string;
} {
  child = spawn(
    process.execPath,
    [BIN, 'flows', '--vendor', 'purecloud', '--target', `purecloud=${server.url}`, '--out', 'out'],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        BILLING_SIM_PURECLOUD_CLIENT_ID: 'id',
        BILLING_SIM_PURECLOUD_CLIENT_SECRET: 'secret',
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  let signalledAt = 0;
  const exited = new Promise<{ code: number | null; signal: string | null; ms: number }>((resolve) => {
    const timer = setTimeout(() => child?.kill('SIGKILL'), 60_000);
    child?.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - signalledAt });
    });
  });
  const original = child.kill.bind(child);
  child.kill = (sig?: NodeJS.Signals | number) => {
    signalledAt = performance.now();
    return original(sig);
  };
  return { exited, output: () => output };
}

/** Waits (polling the file system, not sleeping the test) until the live report shows a step. */
async function untilFirstStepReported(output: () => string): Promise<RunReport> {
  const file = join(dir, 'out', 'report.json');
  for (let i = 0; i < 600; i++) {
    if (existsSync(file)) {
      const report = JSON.parse(await readFile(file, 'utf8')) as RunReport;
      if (report.flows[0]?.steps.length && output().includes('retrying in 60.0 s')) return report;
    }
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no step reported; output:\n${output()}`);
}

describe('billing-sim flows under SIGTERM / SIGINT / SIGKILL (real child process)', () => {
  it('SIGTERM mid-run stops within two seconds, exits 143, leaves report.json and junit.xml naming the interrupted step', async () => {
    const run = start();
    const live = await untilFirstStepReported(run.output);
    expect(live.complete).toBe(false);
    // The token step has ended (the stub's answers lack PureCloud's headers: a contract finding).
    const first = live.flows[0]?.steps[0];
    expect(first?.interrupted).toBeUndefined();
    child?.kill('SIGTERM');
    const { code, ms } = await run.exited;
    expect(code, run.output()).toBe(143);
    expect(ms).toBeLessThan(2000);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as RunReport;
    expect(report.interrupted).toBe('interrupted by SIGTERM');
    expect(report.passed).toBe(false);
    const flow = report.flows[0]!;
    expect(flow).toMatchObject({ flow: 'purecloud', outcome: 'failed', interrupted: true });
    const last = flow.steps.at(-1)!;
    expect(last).toMatchObject({ outcome: 'failed', interrupted: true, message: 'interrupted by SIGTERM' });
    const junit = await readFile(join(dir, 'out', 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="purecloud"');
    expect(junit).toContain(`name="${last.name}"`);
    expect(junit).toContain('<failure message="interrupted by SIGTERM"');
    expect(junit.trimEnd().endsWith('</testsuites>')).toBe(true);
    const csv = await readFile(join(dir, 'out', 'billing-lines.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'vendor,customer,product,quantity,unit,unitPrice,amount,currency,periodStart,periodEnd,rateSource',
    );
    expect(run.output()).toContain('stopped: interrupted by SIGTERM');
  }, 60_000);

  it('SIGINT exits 130 the same way', async () => {
    const run = start();
    await untilFirstStepReported(run.output);
    child?.kill('SIGINT');
    const { code, ms } = await run.exited;
    expect(code, run.output()).toBe(130);
    expect(ms).toBeLessThan(2000);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as RunReport;
    expect(report.interrupted).toBe('interrupted by SIGINT');
  }, 60_000);

  it('a killed run (SIGKILL, no handler runs) still leaves valid files from the last step', async () => {
    const run = start();
    await untilFirstStepReported(run.output);
    child?.kill('SIGKILL');
    await run.exited;
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as RunReport;
    expect(report).toMatchObject({ complete: false, flows: [{ flow: 'purecloud' }] });
    expect(report.flows[0]?.steps[0]?.requests).toBe(1);
    const junit = await readFile(join(dir, 'out', 'junit.xml'), 'utf8');
    expect(junit.startsWith('<?xml')).toBe(true);
    expect(junit.trimEnd().endsWith('</testsuites>')).toBe(true);
    JSON.parse(await readFile(join(dir, 'out', 'billing-lines.json'), 'utf8'));
  }, 60_000);
});

describe('a stop while a step is busy with something long', () => {
  it('writes the stop-time report at once: the running step interrupted, later flows skipped', async () => {
    const { executeFlows } = await import('../../harness/execute.js');
    const { virtualTime } = await import('../../harness/time.js');
    const { capture } = await import('./support/capture.js');
    const stop = new AbortController();
    const busy = (id: string) => ({
      id,
      vendor: 'toy',
      title: id,
      async run(ctx: import('../../harness/flows/context.js').FlowContext) {
        await ctx.step('quick', async () => {});
        // A step that never looks at the signal (a long CPU-bound parse, say).
        await ctx.step('busy', () => {
          stop.abort(new HttpError('interrupted by SIGTERM', 'interrupted'));
          return new Promise<void>(() => {});
        });
      },
    });
    const out = join(dir, 'busy');
    const result = await executeFlows({
      vendors: [
        {
          vendor: 'toy',
          flows: [busy('first'), busy('second')],
          embeddedOptions: {},
          embeddedCredentials: () => ({}),
          env: [],
        },
      ],
      targets: { toy: server.url },
      out,
      env: {},
      stdout: capture(),
      time: virtualTime(),
      stopwatch: () => 0,
      signal: stop.signal,
      stopGraceMs: 0,
    });
    expect(result.interrupted).toBe('interrupted by SIGTERM');
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as RunReport;
    expect(report.interrupted).toBe('interrupted by SIGTERM');
    expect(
      report.flows.map((f) => [
        f.flow,
        f.outcome,
        f.steps.map((s) => [s.name, s.outcome, s.interrupted ?? false]),
      ]),
    ).toEqual([
      [
        'first',
        'failed',
        [
          ['quick', 'passed', false],
          ['busy', 'failed', true],
        ],
      ],
      ['second', 'skipped', [['target', 'skipped', false]]],
    ]);
    expect(await readFile(join(out, 'junit.xml'), 'utf8')).toContain(
      '<failure message="interrupted by SIGTERM" type="Interrupted"',
    );
  });
});
