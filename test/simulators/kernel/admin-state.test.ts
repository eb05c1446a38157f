import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock, createVendorApp, type Kernel, SnapshotError } from '../../../simulators/kernel/index.js';
import { dataOverrides } from '../../../simulators/kernel/snapshot.js';
import { createPureCloudApp } from '../../../simulators/purecloud/index.js';
import { createWebexApp } from '../../../simulators/webex/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { START, scenarios } from './state-scenarios.js';

const guard = contractGuard();
const webex = scenarios(guard).webex!;
const SECRET = { signingSecret: 'state-test-secret' };

// biome-ignore lint/suspicious/noExplicitAny: the test edits snapshots part by part, any part.
type Json = Record<string, any>;
/** A copy of a snapshot with one part changed. */
const changed = (snapshot: Json, change: (s: Json) => void): Json => {
  const copy = structuredClone(snapshot);
  change(copy);
  return copy;
};

describe('PUT /_sim/state refuses a damaged or incompatible snapshot and changes nothing', () => {
  it('names what is wrong (400 damaged, 409 incompatible); the simulator answers as its untouched twin', async () => {
    // Two simulators with the same history; only the first is sent bad snapshots.
    const target = webex.make(SECRET);
    const twin = webex.make(SECRET);
    const held = await webex.before(target);
    await webex.before(twin);
    const before = (await request(target).get('/_sim/state').expect(200)).text;
    const good = JSON.parse(before) as Json;
    const other = createPureCloudApp({ clock: new Clock({ mode: 'manual', start: START }), ...SECRET });

    const refusals: [string, unknown, number, RegExp][] = [
      ['not JSON', '{"format": "billing-sim.state",', 400, /body is not valid JSON/],
      ['not an object', [], 400, /a state snapshot is a JSON object/],
      ['no format', {}, 400, /\/format: must be "billing-sim\.state"/],
      [
        'unknown version',
        changed(good, (s) => (s.version = 99)),
        409,
        /version 99 is not one billing-sim .* reads/,
      ],
      [
        'version of the wrong type',
        changed(good, (s) => (s.version = '1')),
        400,
        /\/version: must be a number/,
      ],
      ['missing part', changed(good, (s) => delete s.clock), 400, /\/clock: is required/],
      [
        'wrong type',
        changed(good, (s) => (s.jobs.counter = 'many')),
        400,
        /\/jobs\/counter: must be integer/,
      ],
      ['unknown key', changed(good, (s) => (s.journal = [])), 400, /\/journal: unknown key/],
      ['another vendor', changed(good, (s) => (s.vendor = 'purecloud')), 409, /the snapshot is of purecloud/],
      [
        "another vendor's snapshot",
        other.sim.snapshot(),
        409,
        /the snapshot is of purecloud, this simulator is webex/,
      ],
      [
        'another billing-sim',
        changed(good, (s) => (s.billingSim = '0.0.1')),
        409,
        /written by billing-sim 0\.0\.1/,
      ],
      [
        'another seed',
        changed(good, (s) => (s.world.seed = 2)),
        409,
        /world\/seed: the snapshot's seed is 2/,
      ],
      [
        'another world option',
        changed(good, (s) => (s.world.options.failureRate = 0.5)),
        409,
        /world\/options\/failureRate: the snapshot's world has 0\.5, this simulator has it unset/,
      ],
      [
        'another clock mode',
        changed(good, (s) => (s.clock.mode = 'system')),
        409,
        /clock\/mode: the snapshot's clock is system/,
      ],
      [
        'another signing secret',
        changed(good, (s) => (s.signing.fingerprint = 'x'.repeat(22))),
        409,
        /signingSecret is not the one the snapshot was taken with/,
      ],
      [
        'a random signing key into a configured one',
        changed(
          good,
          (s) => (s.signing = { source: 'random', secret: Buffer.alloc(32, 7).toString('base64') }),
        ),
        409,
        /random signing key, and this simulator has signingSecret set/,
      ],
      [
        'a job twice',
        changed(good, (s) => s.jobs.jobs.push(s.jobs.jobs[0])),
        400,
        /\/jobs\/jobs\/1\/id: job .* appears twice/,
      ],
      [
        'recency out of step',
        changed(good, (s) => (s.jobs.recency = [])),
        400,
        /\/jobs\/recency: must list every job id/,
      ],
      [
        'a damaged report',
        changed(good, (s) => delete s.jobs.jobs[0].data.fileUuid),
        400,
        /\/jobs\/jobs\/0\/data\/fileUuid: is required/,
      ],
      [
        "another vendor's job",
        changed(good, (s) => (s.jobs.jobs[0].kind = 'rprm.cdr-export')),
        400,
        /\/jobs\/jobs\/0\/kind: rprm\.cdr-export is not a webex job/,
      ],
      [
        'a fault rule RE2 cannot compile',
        changed(good, (s) => (s.faults.active[0].match.path = '^(a')),
        400,
        /\/faults\/active\/0: match\.path is not a valid regular expression/,
      ],
      [
        'a damaged vendor state',
        changed(good, (s) => (s.vendorState.trackingIds = -1)),
        400,
        /\/vendorState\/trackingIds: must be an integer from 0 to 4294967295/,
      ],
      [
        'a state file without this vendor',
        { format: 'billing-sim.state-file', version: 1, billingSim: good.billingSim, simulators: {} },
        409,
        /the state file has no webex snapshot/,
      ],
    ];
    for (const [what, body, status, message] of refusals) {
      const put = request(target).put('/_sim/state').type('json');
      const res = await (typeof body === 'string' ? put.send(body) : put.send(body as object));
      expect(res.status, `${what}: ${res.text}`).toBe(status);
      expect(res.body.error, what).toMatch(message);
      if (what !== 'not JSON') expect(res.body.problems.join('\n'), what).toMatch(message);
      expect((await request(target).get('/_sim/state')).text, `${what} changed the state`).toBe(before);
    }
    // Data overrides the simulator cannot take (or refuses) are refused the same way.
    const withData = await request(target)
      .put('/_sim/state')
      .send(changed(good, (s) => (s.data = { notAVendorSection: true })));
    expect([400, 409], withData.text).toContain(withData.status);
    expect(withData.body.error).toMatch(/data/);
    expect((await request(target).get('/_sim/state')).text).toBe(before);

    // The refused simulator answers byte for byte as its twin that never saw a bad snapshot.
    expect(await webex.after(target, held)).toEqual(await webex.after(twin, held));
  });

  it('a PureCloud report pointing at a job the snapshot lacks is refused', async () => {
    const app = createPureCloudApp({
      clock: new Clock({ mode: 'manual', start: START }),
      onExchange: guard.onExchange,
    });
    const scenario = scenarios(guard).purecloud!;
    await scenario.before(app);
    const before = (await request(app).get('/_sim/state')).text;
    const bad = changed(JSON.parse(before), (s) => (s.vendorState.reports[0].jobId = 'nope'));
    const res = await request(app).put('/_sim/state').send(bad);
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual(['/vendorState/reports/0/jobId: no job nope among the jobs']);
    expect((await request(app).get('/_sim/state')).text).toBe(before);
  });

  it('options that say where a simulator is reached, not what it holds, may differ', async () => {
    const a = createWebexApp({
      clock: new Clock({ mode: 'manual', start: START }),
      downloadBaseUrl: 'http://a.test',
    });
    const b = createWebexApp({
      clock: new Clock({ mode: 'manual', start: START }),
      downloadBaseUrl: 'http://b.test',
      downloads: { port: 0 },
      onExchange: guard.onExchange,
    });
    expect(a.sim.snapshot().world.options).toEqual({});
    const res = await request(b).put('/_sim/state').send(a.sim.snapshot());
    expect(res.status, res.text).toBe(200);
  });

  it('needs a JSON body', async () => {
    const app = createWebexApp({
      clock: new Clock({ mode: 'manual', start: START }),
      onExchange: guard.onExchange,
    });
    const res = await request(app).put('/_sim/state').type('text').send('format=billing-sim.state');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/Content-Type: application\/json/);
  });
});

/**
 * A vendor that takes data overrides through `setData` (as golden data does): it refuses data
 * with a `bad` key, and records what it accepted where the kernel keeps data overrides.
 */
function dataApp(initial?: Record<string, unknown>) {
  const record = (kernel: Kernel, data: Record<string, unknown> | undefined) => {
    (kernel as unknown as { dataOverrides?: unknown }).dataOverrides = data;
  };
  return createVendorApp({
    name: 'toy',
    options: { clock: new Clock({ mode: 'manual', start: START }) },
    credentials: {},
    contract: new URL('../../fixtures/contracts/toy.openapi.yaml', import.meta.url).pathname,
    adapter: (kernel) => {
      if (initial) record(kernel, initial);
      return {
        renderError: (_req, res, error) => {
          res.status(error.status).json({ problem: error.message });
        },
        routes(router) {
          router.get('/toy/data', (_req, res) => {
            res.json({ data: dataOverrides(kernel) ?? null });
          });
        },
        setData(data) {
          if (data && 'bad' in data) throw new Error('/bad: unknown key');
          record(kernel, data);
        },
      };
    },
  });
}

describe('snapshots and data overrides', () => {
  it('carry the data in force and give it back through the vendor hook; refused data changes nothing', async () => {
    const pinned = dataApp({ pinned: { seats: 12 } });
    pinned.sim.kernel.clock.advance(60_000);
    const snap = pinned.sim.snapshot();
    expect(snap.data).toEqual({ pinned: { seats: 12 } });

    const plain = dataApp();
    expect((await request(plain).get('/toy/data')).body).toEqual({ data: null });
    plain.sim.restore(JSON.parse(JSON.stringify(snap)));
    expect((await request(plain).get('/toy/data')).body).toEqual({ data: { pinned: { seats: 12 } } });
    expect(plain.sim.kernel.clock.now()).toBe(pinned.sim.kernel.clock.now());

    // Data the vendor refuses: the refusal comes before any other part is applied.
    const other = dataApp();
    const before = JSON.stringify(other.sim.snapshot());
    expect(() => other.sim.restore({ ...snap, data: { bad: true } })).toThrow(SnapshotError);
    try {
      other.sim.restore({ ...snap, data: { bad: true } });
    } catch (e) {
      expect((e as SnapshotError).status).toBe(400);
      expect((e as SnapshotError).problems).toEqual(['/data: /bad: unknown key']);
    }
    expect(JSON.stringify(other.sim.snapshot())).toBe(before);
    // A snapshot without data removes data in force.
    pinned.sim.restore({ ...snap, data: null });
    expect((await request(pinned).get('/toy/data')).body).toEqual({ data: null });
  });
});

describe('snapshots and the clock', () => {
  it('a manual clock returns to the snapshot instant, backwards too; a system clock keeps real time and its lead', async () => {
    const make = () =>
      createWebexApp({ clock: new Clock({ mode: 'manual', start: START }), onExchange: guard.onExchange });
    const a = make();
    a.sim.kernel.clock.advance(3_600_000);
    const snap = a.sim.snapshot();
    const b = make();
    b.sim.kernel.clock.advance(86_400_000);
    b.sim.restore(snap);
    expect(b.sim.kernel.clock.date().toISOString()).toBe('2026-03-15T11:00:00.000Z');
    // reset with clock: start returns where the snapshotted clock would.
    b.sim.reset({ clock: true });
    expect(b.sim.kernel.clock.date().toISOString()).toBe(START.replace('Z', '.000Z'));

    const sys = () => createWebexApp({ onExchange: guard.onExchange });
    const s1 = sys();
    s1.sim.kernel.clock.advance(86_400_000);
    const s2 = sys();
    s2.sim.restore(s1.sim.snapshot());
    const lead = s2.sim.kernel.clock.now() - new Clock().now();
    expect(lead).toBeGreaterThan(86_400_000 - 5_000);
    expect(lead).toBeLessThanOrEqual(86_400_000 + 5);
  });

  it('taking a snapshot changes no answer', async () => {
    const a = webex.make(SECRET);
    const b = webex.make(SECRET);
    const held = await webex.before(a);
    await webex.before(b);
    for (let i = 0; i < 3; i++) await request(a).get('/_sim/state').expect(200);
    expect(await webex.after(a, held)).toEqual(await webex.after(b, held));
  });
});
