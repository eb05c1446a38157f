import { describe, expect, it } from 'vitest';
import { Clock, SnapshotError, startSimulators, type WebexCredentials } from '../../simulators/index.js';

describe('startSimulators control: count and find', () => {
  it('answer exactly what the journal holds, per simulator, without the credentials used', async () => {
    const clock = new Clock({ mode: 'manual', start: '2026-10-15T10:00:00Z' });
    await using sims = await startSimulators({
      clock,
      only: ['webex', 'purecloud'],
      ports: { webex: 0, purecloud: 0 },
    });
    const token = (sims.credentials.webex as WebexCredentials).partners[0]!.tokens[0]!.token;
    const reports = `${sims.urls.webex}/v1/wholesale/billing/reports`;
    expect((await fetch(reports, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(reports)).status).toBe(401);
    expect((await fetch(`${sims.urls.webex}/v1/nothing-here`)).status).toBe(404);
    expect(sims.control.count('webex', {})).toBe(3);
    expect(sims.control.count('webex', { path: '/v1/wholesale/**' })).toBe(2);
    expect(sims.control.count('webex', { token })).toBe(1);
    expect(sims.control.count('webex', { status: 401 })).toBe(1);
    expect(sims.control.count('purecloud', {})).toBe(0);
    const [ok] = sims.control.find('webex', { status: 200 });
    expect(ok?.request.headers.authorization).toBe('[redacted]');
    expect(JSON.stringify(sims.control.find('webex'))).not.toContain(token);
    expect(sims.control.find('webex', {}, 1).map((e) => e.status)).toEqual([404]);
    expect(() => sims.control.count('webex', { path: 3 } as never)).toThrow(/match\.path must be a string/);
    expect(() => sims.control.count('nosuch')).toThrow(/no simulator nosuch/);
    // Each simulator knows the others of its start (the dashboard links them).
    expect(sims.apps.webex!.sim.kernel.peers.map((p) => [p.name, p.url])).toEqual([
      ['purecloud', sims.urls.purecloud],
      ['webex', sims.urls.webex],
    ]);
  });
});

describe('startSimulators control: snapshot and restore', () => {
  const START = '2026-10-15T10:00:00Z';
  const start = () =>
    startSimulators({
      clock: new Clock({ mode: 'manual', start: START }),
      only: ['webex', 'rprm'],
      ports: { webex: 0, rprm: 0 },
      simulators: { webex: { signingSecret: 'control-test' } },
    });

  it('a state file of every simulator continues in another start; a mismatched one changes nothing', async () => {
    await using first = await start();
    const auth = { Authorization: 'Bearer acme-all-scopes', 'Content-Type': 'application/json' };
    const created = await fetch(`${first.urls.webex}/v1/wholesale/billing/reports`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        billingStartDate: '2026-09-01',
        billingEndDate: '2026-09-30',
        type: 'CUSTOMER',
      }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    first.control.advance(5_000);
    const file = first.control.snapshot();
    expect(Object.keys(file.simulators)).toEqual(['webex', 'rprm']);
    expect(file).toMatchObject({ format: 'billing-sim.state-file', version: 1 });

    await using second = await start();
    second.control.restore(JSON.parse(JSON.stringify(file)));
    expect(second.control.clock.date().toISOString()).toBe('2026-10-15T10:00:05.000Z');
    const report = (sims: typeof first) =>
      fetch(`${sims.urls.webex}/v1/wholesale/billing/reports/${id}`, { headers: auth }).then(async (r) => ({
        status: r.status,
        tracking: r.headers.get('trackingid'),
        body: (await r.json()) as { status: string },
      }));
    const there = await report(first);
    expect(there.body.status).toBe('IN_PROGRESS');
    expect(await report(second)).toEqual(there);

    // A file without one of the running simulators is refused, and no simulator changes.
    await using third = await start();
    const before = JSON.stringify(third.control.snapshot());
    const { rprm: _dropped, ...webexOnly } = file.simulators;
    expect(() => third.control.restore({ ...file, simulators: webexOnly })).toThrow(
      /the state file has no rprm snapshot, and rprm is running here/,
    );
    const damaged = structuredClone(file);
    (damaged.simulators.rprm as { clock: unknown }).clock = 'now';
    expect(() => third.control.restore(damaged)).toThrow(SnapshotError);
    expect(JSON.stringify(third.control.snapshot())).toBe(before);
    // One simulator's snapshot restores that simulator alone.
    third.control.restore(file.simulators.webex!);
    expect((await report(third)).body).toEqual(there.body);
  });
});
