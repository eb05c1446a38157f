import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/index.js';
import { RateCard } from '../../harness/rate-card/rate-card.js';
import type { RunReport } from '../../harness/reports/model.js';
import { previousMonth, type RunTarget, runFlows } from '../../harness/run.js';
import { virtualTime } from '../../harness/time.js';
import { loadHarnesses } from '../../harness/vendors.js';
import { PLUGINS } from '../../simulators/index.js';
import { RECORD_AT, recordEmbeddedRun } from './support/recording.js';

/** The compiled CLI (`npm test` builds first). */
const BIN = join(packageRoot(), 'bin', 'billing-sim.js');
let dir: string;
let recorded: RunReport;
let recordedTargets: Record<string, RunTarget>;
let serve: ChildProcess | undefined;
let urls: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-replay-'));
  ({ report: recorded, targets: recordedTargets } = await recordEmbeddedRun(join(dir, 'rec')));
  expect(recorded.passed).toBe(true);
  // Free ports for every simulator, so the test runs beside anything else.
  const config = join(dir, 'serve.yaml');
  await writeFile(config, `simulators:\n${PLUGINS.map((s) => `  ${s.name}: { port: 0 }`).join('\n')}\n`);
  serve = spawn(process.execPath, [BIN, 'serve', '--config', config, '--replay', join(dir, 'rec')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let banner = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve --replay did not start:\n${banner}`)), 60_000);
    const read = (c: Buffer) => {
      banner += c;
      if (banner.includes('Ctrl-C to stop')) {
        clearTimeout(timer);
        resolve();
      }
    };
    serve?.stdout?.on('data', read);
    serve?.stderr?.on('data', read);
    serve?.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${banner}`)));
  });
  const admin = [...banner.matchAll(/admin: (\S+)\/_sim\/health/g)].map((m) => m[1]!);
  urls = Object.fromEntries(PLUGINS.map((s, i) => [s.name, admin[i]!]));
  expect(banner).toMatch(/replaying \d+ recorded exchange\(s\)/);
}, 120_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((r) => serve?.once('exit', r));
    serve.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

/** What must be equal between two runs: outcomes, step messages, lines, totals. */
function results(report: RunReport) {
  return {
    passed: report.passed,
    flows: report.flows.map((f) => ({
      flow: f.flow,
      outcome: f.outcome,
      steps: f.steps.map((s) => [s.name, s.outcome, s.requests, s.findings.length]),
      lines: f.lines,
    })),
    totals: report.totals,
  };
}

describe('billing-sim serve --replay', () => {
  it('replays a recording of a full embedded run with the same flow results', async () => {
    const vendors = await loadHarnesses();
    const targets = Object.fromEntries(
      vendors.map((v) => [
        v.vendor,
        {
          vendor: v.vendor,
          baseUrl: urls[v.vendor]!,
          credentials: recordedTargets[v.vendor]!.credentials,
          ca: recordedTargets[v.vendor]!.ca,
        },
      ]),
    );
    const replayed = await runFlows({
      flows: vendors.flatMap((v) => v.flows),
      targets,
      mode: 'external',
      time: virtualTime(RECORD_AT),
      stopwatch: () => 0,
      rateCard: await RateCard.load(),
      period: previousMonth(Date.parse(RECORD_AT)),
    });
    expect(results(replayed)).toEqual(results(recorded));
    const wire = (r: RunReport) =>
      r.transcript.map((e) => [e.step, e.method, new URL(e.url).pathname, e.status]);
    expect(wire(replayed)).toEqual(wire(recorded));
    // Files come back byte for byte (JSON bodies differ where tokens were redacted and links relinked).
    const files = (r: RunReport) =>
      r.transcript
        .filter((e) => /zip|csv/.test(e.responseHeaders?.['content-type'] ?? ''))
        .map((e) => e.bodySha256);
    expect(files(replayed)).toHaveLength(3);
    expect(files(replayed)).toEqual(files(recorded));
  });

  it('answers a recorded request from the recording, not from the simulator', async () => {
    // The simulator would hand out a real token; the recording holds a redacted one.
    const res = await fetch(`${urls.purecloud}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { access_token: string }).access_token).toBe('REDACTED');
  });

  it('falls through to the simulator for a request the recording does not have', async () => {
    const res = await fetch(`${urls.purecloud}/api/v2/billing/contracts?pageNumber=999`);
    // Not recorded (no such page was read): the simulator itself asks for credentials.
    expect(res.status).toBe(401);
    const health = await fetch(`${urls.webex}/_sim/health`);
    expect(health.status).toBe(200);
  });
});
