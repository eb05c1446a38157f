import { describe, expect, it } from 'vitest';
import { Clock, startSimulators, type WebexCredentials } from '../../simulators/index.js';

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
