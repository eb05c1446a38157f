import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/files.js';
import { Clock } from '../../simulators/kernel/clock.js';
import { PLUGINS } from '../../simulators/registry.js';

const START = '2026-03-15T10:00:00Z';

function twoApps(name: string) {
  const plugin = PLUGINS.find((p) => p.name === name)!;
  const make = () =>
    plugin.create({
      seed: 1,
      clock: new Clock({ mode: 'manual', start: START }),
      rateLimit: { kind: 'fixed-window', limit: 1, windowMs: 60_000 },
    });
  return [make(), make()] as const;
}

describe.each(PLUGINS.map((p) => p.name))('two %s apps in one process share nothing', (name) => {
  it('each has its own kernel parts and signing secret, and the same seeded world', () => {
    const [a, b] = twoApps(name);
    const ka = a.sim.kernel;
    const kb = b.sim.kernel;
    for (const part of ['clock', 'data', 'jobs', 'faults', 'journal', 'limiter', 'validator'] as const)
      expect(ka[part], part).not.toBe(kb[part]);
    expect(ka.secret.equals(kb.secret)).toBe(false);
    expect(a.sim.credentials).toEqual(b.sim.credentials);
    expect(a.request).not.toBe(b.request);
  });

  it('faults, rate windows, journal, clock and reset of one leave the other untouched', async () => {
    const [a, b] = twoApps(name);
    await request(a)
      .post('/_sim/faults')
      .send({ match: { path: '/elsewhere' }, effect: { status: 503 } })
      .expect(201);
    await request(a).post('/_sim/clock/advance').send({ seconds: 3600 }).expect(200);
    await request(a).get('/no/such/path');
    const limited = await request(a).get('/no/such/path');
    expect(limited.status).toBe(429); // a's one-request window is used up

    const first = await request(b).get('/no/such/path');
    expect(first.status).not.toBe(429); // b's window is its own
    expect((await request(b).get('/_sim/faults')).body.faults).toEqual([]);
    expect((await request(b).get('/_sim/clock')).body.now).toBe('2026-03-15T10:00:00.000Z');
    expect(b.sim.kernel.journal.total).toBe(1);
    expect(a.sim.kernel.journal.total).toBe(2);

    b.sim.reset();
    expect((await request(a).get('/_sim/faults')).body.faults).toHaveLength(1);
    expect((await request(a).get('/no/such/path')).status).toBe(429);
  });
});

/**
 * Top-level `let`/`var` and top-level collections in simulators/, harness/ and contracts/ are
 * state every app in the process would share. Known ones are listed with their owner; the list
 * may only shrink.
 */
const KNOWN_MODULE_STATE = new Set([
  // load-once caches of immutable files (contracts, the rate-card schema)
  'contracts/validator.ts',
  'contracts/csv.ts',
  'harness/rate-card/rate-card.ts',
]);

function sources(dir: string): string[] {
  const root = packageRoot();
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) =>
      relative(root, join(root, dir, f))
        .split('\\')
        .join('/'),
    );
}

describe('no module-level mutable state', () => {
  const pattern =
    /^(?:export\s+)?(?:let|var)\s|^(?:export\s+)?const\s+\w+\s*(?::[^=]+)?=\s*new\s+(?:Map|WeakMap|TextMemo|Array)\b/m;
  const stateful = ['simulators', 'harness', 'contracts']
    .flatMap(sources)
    .filter((f) => pattern.test(readFileSync(join(packageRoot(), f), 'utf8')));

  it('outside the known, owned exceptions', () => {
    expect(stateful.filter((f) => !KNOWN_MODULE_STATE.has(f))).toEqual([]);
  });

  it('the list of exceptions only shrinks: each still holds module state', () => {
    expect([...KNOWN_MODULE_STATE].filter((f) => !stateful.includes(f))).toEqual([]);
  });
});
