import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractsDir, packageRoot } from '../../../contracts/index.js';
import { type RunningServer, serve } from '../../../simulators/kernel/index.js';
import { encodeId } from '../../../simulators/webex/index.js';
import { BROADWORKS, TOKENS, WHOLESALE, webexApp } from './helpers.js';

/**
 * `prism proxy contracts/webex.openapi.yaml <simulator> --errors` in front of the simulator: Prism
 * checks every request and response of this walk against the contract and answers with its own
 * problem+json error (and an `sl-violations` header) when either breaks it.
 */
const PRISM = join(
  packageRoot(),
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'prism.cmd' : 'prism',
);
const READY_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Prism {
  url: string;
  child: ChildProcess;
  output: string[];
}

async function startPrism(target: string): Promise<Prism> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(
    PRISM,
    [
      'proxy',
      join(contractsDir(), 'webex.openapi.yaml'),
      target,
      '--errors',
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
  );
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  // Ready when Prism says so and its port answers; give up if it exits first.
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${output.join('')}`);
    if (/listening on/i.test(output.join(''))) {
      try {
        await fetch(`${url}/_sim/health`);
        return { url, child, output };
      } catch {
        // not accepting yet
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`prism did not become ready in ${READY_TIMEOUT_MS} ms:\n${output.join('')}`);
}

async function stopPrism(prism: Prism | undefined): Promise<void> {
  if (!prism || prism.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => prism.child.once('exit', () => resolve()));
  prism.child.kill('SIGTERM');
  const timer = setTimeout(() => prism.child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

describe('prism proxy --errors in front of the webex simulator', () => {
  let sim: RunningServer;
  let prism: Prism | undefined;

  beforeAll(async () => {
    const { app } = webexApp(undefined, {
      generation: { kind: 'polls', count: 1 },
      rateLimit: { kind: 'fixed-window', limit: 1000, windowMs: 60_000 },
      // The scenario options, so the proxy also sees the (opt-in) 409 and 423.
      duplicateCreate409: true,
      lockDeleteInProgress423: true,
    });
    sim = await serve(app, { port: 0 });
    prism = await startPrism(sim.url);
  }, READY_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    await stopPrism(prism);
    await sim?.close();
  });

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${prism!.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return {
      res,
      text,
      json: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined,
    };
  }

  /** The answer came from the simulator and Prism found nothing wrong with request or response. */
  function expectClean(r: Awaited<ReturnType<typeof call>>, status: number) {
    const context = `${r.res.status} ${r.text}\nprism output:\n${prism!.output.join('').slice(-3000)}`;
    expect(r.res.headers.get('sl-violations'), context).toBeNull();
    expect(r.res.headers.get('content-type') ?? '', context).not.toMatch(/problem\+json/);
    expect(r.res.status, context).toBe(status);
    expect(r.res.headers.get('trackingid'), context).toBeTruthy();
    if (status >= 400) {
      expect(r.json.trackingId).toBe(r.res.headers.get('trackingid'));
      expect(r.json.errors.length).toBeGreaterThan(0);
    }
  }

  it('walks the wholesale endpoints and their errors', async () => {
    expectClean(await call('GET', WHOLESALE, { token: TOKENS.acme }), 200);
    const created = await call('POST', WHOLESALE, {
      token: TOKENS.acme,
      body: { billingStartDate: '2026-02-01', billingEndDate: '2026-02-28', type: 'CUSTOMER' },
    });
    expectClean(created, 200);
    const id = created.json.id as string;
    const second = await call('POST', WHOLESALE, {
      token: TOKENS.acme,
      body: {
        billingStartDate: '2026-01-01',
        billingEndDate: '2026-01-31',
        type: 'CUSTOMER',
        internal: false,
      },
    });
    expectClean(second, 200);
    // 423 while IN_PROGRESS (one poll completes it)
    const locked = await call('DELETE', `${WHOLESALE}/${second.json.id}`, { token: TOKENS.acme });
    expectClean(locked, 423);
    expect(locked.res.headers.get('retry-after')).toBe('10');
    const inProgress = await call('GET', `${WHOLESALE}/${id}`, {
      token: TOKENS.acme,
      headers: { TrackingID: 'PRISM_1' },
    });
    expectClean(inProgress, 200);
    expect(inProgress.res.headers.get('trackingid')).toBe('PRISM_1');
    const done = await call('GET', `${WHOLESALE}/${id}`, { token: TOKENS.acme });
    expectClean(done, 200);
    expect(done.json.status).toBe('COMPLETED');
    expect(done.json.tempDownloadURL).toMatch(/\/WHOLESALE\/[0-9a-f-]{36}\.csv\?Expires=/);
    const page = await call('GET', `${WHOLESALE}?type=CUSTOMER&sortBy=billingEndDate&max=1`, {
      token: TOKENS.acme,
    });
    expectClean(page, 200);
    expect(page.json.items).toHaveLength(1);
    expect(page.res.headers.get('link')).toMatch(/rel="next"$/);
    expectClean(await call('GET', `${WHOLESALE}?status=COMPLETED&max=500`, { token: TOKENS.acme }), 200);

    // errors the contract declares
    expectClean(
      await call('POST', WHOLESALE, {
        token: TOKENS.acme,
        body: { billingStartDate: '2026-02-01', billingEndDate: '2026-02-28', type: 'CUSTOMER' },
      }),
      409,
    );
    expectClean(
      await call('POST', WHOLESALE, {
        token: TOKENS.acme,
        body: { billingStartDate: '2030-01-01', billingEndDate: '2030-01-02' },
      }),
      400,
    );
    expectClean(
      await call('POST', WHOLESALE, {
        token: TOKENS.acme,
        body: { billingStartDate: '2026-02-10', billingEndDate: '2026-02-01' },
      }),
      400,
    );
    expectClean(
      await call('POST', WHOLESALE, {
        token: TOKENS.acmeWholesaleRo,
        body: { billingStartDate: '2026-01-01', billingEndDate: '2026-01-02' },
      }),
      403,
    );
    expectClean(await call('GET', WHOLESALE, { token: 'unknown-token' }), 401);
    // (A request with no Authorization at all never reaches the simulator: Prism answers it with its
    // own 401 for the unmet security requirement. The simulator's own 401 is covered by the
    // supertest suites.)
    expectClean(await call('GET', `${WHOLESALE}/${id}`, { token: TOKENS.globex }), 404);
    expectClean(
      await call(
        'GET',
        `${WHOLESALE}/${encodeId('BILLING_REPORT', '00000000-0000-4000-8000-000000000000')}`,
        { token: TOKENS.acme },
      ),
      404,
    );
    expectClean(
      await call('GET', WHOLESALE, { token: TOKENS.acme, headers: { 'X-Sim-Fault': '429; retry-after=3' } }),
      429,
    );
    expectClean(await call('GET', WHOLESALE, { token: TOKENS.acme, headers: { 'X-Sim-Fault': '503' } }), 503);

    const deleted = await call('DELETE', `${WHOLESALE}/${id}`, { token: TOKENS.acme });
    expectClean(deleted, 204);
    expect(deleted.text).toBe('');
    expectClean(await call('GET', `${WHOLESALE}/${id}`, { token: TOKENS.acme }), 404);
  });

  it('walks the BroadWorks endpoints and their errors', async () => {
    expectClean(await call('GET', BROADWORKS, { token: TOKENS.acmeBroadworksRo }), 200);
    const created = await call('POST', BROADWORKS, {
      token: TOKENS.acmeBroadworksRw,
      body: { billingPeriod: '2026-02' },
    });
    expectClean(created, 200);
    const id = created.json.id as string;
    expectClean(await call('DELETE', `${BROADWORKS}/${id}`, { token: TOKENS.acme }), 423);
    expectClean(await call('GET', `${BROADWORKS}/${id}`, { token: TOKENS.acme }), 200);
    const done = await call('GET', `${BROADWORKS}/${id}`, { token: TOKENS.acme });
    expectClean(done, 200);
    expect(done.json.status).toBe('COMPLETED');
    expectClean(
      await call('GET', `${BROADWORKS}?after=2026-01&before=2027-01-01T00:00:00Z&sortBy=status`, {
        token: TOKENS.acme,
      }),
      200,
    );
    expectClean(
      await call('POST', BROADWORKS, { token: TOKENS.acme, body: { billingPeriod: '2026-02' } }),
      409,
    );
    expectClean(
      await call('POST', BROADWORKS, { token: TOKENS.acme, body: { billingPeriod: '2026-03' } }),
      400,
    );
    // A shape the contract refuses is Prism's to answer now; a day the calendar lacks passes the
    // contract's pattern and is the simulator's 400.
    expectClean(await call('GET', `${BROADWORKS}?before=2026-02-30`, { token: TOKENS.acme }), 400);
    expectClean(
      await call('POST', BROADWORKS, { token: TOKENS.acmeBroadworksRo, body: { billingPeriod: '2026-01' } }),
      403,
    );
    expectClean(await call('GET', `${BROADWORKS}/${id}`, { token: TOKENS.globex }), 404);
    expectClean(await call('DELETE', `${BROADWORKS}/${id}`, { token: TOKENS.acme }), 204);
  });
});
