import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock, PLUGINS, startSimulators } from '../../simulators/index.js';
import { contractGuard } from '../support/contract-guard.js';
import { toyContracts } from '../support/toy-contracts.js';
import { createToyApp } from '../support/toy-vendor.js';

const guard = contractGuard(toyContracts);

describe('dashboard files and the simulator directory', () => {
  it('GET /_sim/ui is a static page whose script and style sheet are served beside it, nothing external', async () => {
    const app = createToyApp({ onExchange: guard.onExchange });
    const page = await request(app).get('/_sim/ui').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const refs = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.filter((r) => /^(https?:)?\/\//.test(r))).toEqual([]);
    expect(refs).toEqual(
      expect.arrayContaining(['/_sim/ui/dashboard.js', '/_sim/ui/dashboard.css', '/_sim/docs']),
    );
    const js = await request(app).get('/_sim/ui/dashboard.js').expect(200);
    expect(js.headers['content-type']).toMatch(/^application\/javascript/);
    expect(js.text).toContain("'/requests/find'");
    expect((await request(app).get('/_sim/ui/dashboard.css').expect(200)).headers['content-type']).toMatch(
      /^text\/css/,
    );
    await request(app).get('/_sim/ui/index.html').expect(404);
    await request(app).get('/_sim/ui/..%2F..%2Fpackage.json').expect(404);
    // Looking at the dashboard is not traffic: the journal stays empty.
    expect(app.sim.kernel.journal.total).toBe(0);
  });

  it('GET /_sim/simulators lists every simulator of the start with curl lines, the same from each', async () => {
    const clock = new Clock({ mode: 'manual', start: '2026-10-15T10:00:00Z' });
    await using sims = await startSimulators({
      clock,
      ports: Object.fromEntries(PLUGINS.map((s) => [s.name, 0])),
    });
    const a = (await request(sims.apps.webex!).get('/_sim/simulators').expect(200)).body;
    const b = (await request(sims.apps.purecloud!).get('/_sim/simulators').expect(200)).body;
    expect(a.current).toBe('webex');
    expect(b.current).toBe('purecloud');
    expect(a.simulators).toEqual(b.simulators);
    expect(a.simulators.map((s: { name: string }) => s.name)).toEqual(PLUGINS.map((s) => s.name));
    for (const sim of a.simulators as { name: string; url: string; curl: string[]; banner: string[] }[]) {
      expect(sim.url).toBe(sims.urls[sim.name]);
      expect(sim.banner.length).toBeGreaterThan(0);
      expect(sim.curl[0]).toMatch(/^curl( -k)? https?:\/\/127\.0\.0\.1:\d+\/_sim\/health$/);
      expect(sim.curl.length).toBeGreaterThan(1);
      expect('credentials' in sim).toBe(false);
    }
    const webexToken = (sims.credentials.webex as { partners: { tokens: { token: string }[] }[] })
      .partners[0]!.tokens[0]!.token;
    const webex = a.simulators.find((s: { name: string }) => s.name === 'webex');
    expect(webex.curl).toContain(
      `curl -H 'Authorization: Bearer ${webexToken}' ${sims.urls.webex}/v1/wholesale/billing/reports`,
    );
    // A curl line from the dashboard works as printed.
    const res = await fetch(`${sims.urls.webex}/v1/wholesale/billing/reports`, {
      headers: { Authorization: `Bearer ${webexToken}` },
    });
    expect(res.status).toBe(200);
  });
});
