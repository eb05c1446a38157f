import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeFlows, UsageError } from '../../../harness/execute.js';
import { rprmHarness } from '../../../harness/flows/rprm.js';
import { clockTime } from '../../../harness/time.js';
import { Clock, type RunningSimulators, startSimulators } from '../../../simulators/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { capture } from '../support/capture.js';
import { AT, step } from '../support/embedded.js';

/** `--target rprm=<url>`: a simulator started elsewhere, credentials from env, TLS trust options. */
const guard = contractGuard();
const clock = new Clock({ mode: 'manual', start: AT });
let sims: RunningSimulators;
let dir: string;
let caFile: string;
const env = { BILLING_SIM_RPRM_USERNAME: 'auditor', BILLING_SIM_RPRM_PASSWORD: 'Audit12#' };

beforeAll(async () => {
  sims = await startSimulators({
    only: ['rprm'],
    seed: 1,
    clock,
    ports: { rprm: 0 },
    simulators: { rprm: rprmHarness.embeddedOptions },
    kernel: { onExchange: guard.onExchange },
  });
  dir = await mkdtemp(join(tmpdir(), 'harness-external-'));
  caFile = join(dir, 'rprm.pem');
  await writeFile(caFile, sims.servers.rprm!.certificate!);
});

afterAll(async () => {
  await sims?.close();
  await rm(dir, { recursive: true, force: true });
});

function run(options: {
  caFiles?: Record<string, string>;
  insecure?: string[];
  env?: Record<string, string>;
}) {
  return executeFlows({
    select: ['rprm'],
    targets: { rprm: sims.urls.rprm! },
    env: options.env ?? env,
    caFiles: options.caFiles,
    insecure: options.insecure,
    out: join(dir, 'out'),
    stdout: capture(),
    // The external simulator runs on a manual clock in this process: the harness drives it.
    time: clockTime(clock),
    stopwatch: () => 0,
    strict: true,
  });
}

describe('external targets', () => {
  it('runs against a URL with env credentials, trusting the CA file', async () => {
    const result = await run({ caFiles: { rprm: caFile } });
    expect(result.exitCode).toBe(0);
    expect(result.report.mode).toBe('external');
    expect(result.report.flows[0]?.target).toBe(sims.urls.rprm);
  });

  it('fails with a TLS message that says how to trust the server', async () => {
    const result = await run({});
    expect(result.exitCode).toBe(1);
    expect(step(result.report, 'rprm', 'generate CDRs').message).toMatch(
      new RegExp(
        `^TLS failure talking to ${sims.urls.rprm!.replace(/\./g, '\\.')}: \\S+ .*\\(trust the server's CA with --ca-file, or --insecure\\)$`,
      ),
    );
  });

  it('skips verification with --insecure', async () => {
    const result = await run({ insecure: ['rprm'] });
    expect(result.exitCode).toBe(0);
  });

  it('names the missing environment variables and an unreadable CA file', async () => {
    await expect(run({ env: {} })).rejects.toThrow(
      new UsageError(
        '--target rprm needs environment variable(s): BILLING_SIM_RPRM_USERNAME, BILLING_SIM_RPRM_PASSWORD',
      ),
    );
    await expect(run({ caFiles: { rprm: join(dir, 'missing.pem') } })).rejects.toThrow(
      /^cannot read CA file .*missing\.pem: ENOENT/,
    );
  });

  it('reports wrong credentials with the vendor error, not a crash', async () => {
    const result = await run({
      caFiles: { rprm: caFile },
      env: { ...env, BILLING_SIM_RPRM_PASSWORD: 'wrong' },
    });
    expect(result.exitCode).toBe(1);
    expect(step(result.report, 'rprm', 'generate CDRs').message).toMatch(
      /^status: expected HTTP 202, got 401/,
    );
  });
});
