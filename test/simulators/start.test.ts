import { describe, expect, it } from 'vitest';
import { Clock, PLUGINS, startSimulators } from '../../simulators/index.js';

const zeroPorts = () => Object.fromEntries(PLUGINS.map((s) => [s.name, 0]));

describe('startSimulators', () => {
  it('starts every simulator on its own port with a shared clock, and closes with await using', async () => {
    const clock = new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' });
    let urls: Record<string, string> = {};
    {
      await using sims = await startSimulators({ clock, ports: zeroPorts() });
      urls = sims.urls;
      expect(Object.keys(sims.urls).sort()).toEqual(PLUGINS.map((s) => s.name).sort());
      for (const name of Object.keys(sims.apps)) {
        expect(sims.apps[name]!.sim.kernel.clock).toBe(clock);
        expect(sims.credentials[name]).toBeDefined();
      }
      sims.control.advance(60_000);
      for (const app of Object.values(sims.apps))
        expect(app.sim.kernel.clock.date().toISOString()).toBe('2026-03-15T10:01:00.000Z');
      for (const [name, url] of Object.entries(sims.urls)) {
        if (PLUGINS.find((s) => s.name === name)?.tls) continue; // TLS liveness is covered by the CLI test
        expect((await fetch(`${url}/_sim/health`)).status).toBe(200);
      }
    }
    for (const [name, url] of Object.entries(urls)) {
      if (PLUGINS.find((s) => s.name === name)?.tls) continue;
      await expect(fetch(`${url}/_sim/health`)).rejects.toThrow();
    }
  });

  it('starts a subset and rejects unknown names without leaving servers behind', async () => {
    await expect(startSimulators({ only: ['nosuch'] })).rejects.toThrow(/unknown simulator\(s\): nosuch/);
    const first = PLUGINS[0];
    if (!first) return;
    const sims = await startSimulators({ only: [first.name], ports: zeroPorts() });
    try {
      expect(Object.keys(sims.urls)).toEqual([first.name]);
    } finally {
      await sims.close();
    }
  });
});

describe('every simulator answers OPTIONS in its own envelope, never Express’s listing', () => {
  it('answers 405/404 in the vendor envelope, not Express’s "GET, HEAD"', async () => {
    const sims = await startSimulators({
      ports: zeroPorts(),
      only: PLUGINS.filter((s) => !s.tls).map((s) => s.name),
    });
    try {
      for (const url of Object.values(sims.urls)) {
        const res = await fetch(`${url}/some/path`, { method: 'OPTIONS' });
        const text = await res.text();
        expect([404, 405], url).toContain(res.status); // Webex: unknown path → 404, known path → 405 + Allow
        expect(text).not.toBe('GET, HEAD');
        expect(() => JSON.parse(text)).not.toThrow();
      }
    } finally {
      await sims.close();
    }
  });
});
