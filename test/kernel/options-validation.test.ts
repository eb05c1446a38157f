import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock, ConfigError, startSimulators } from '../../simulators/index.js';
import { configFromEnv, mergeConfig } from '../../simulators/kernel/config.js';
import { didYouMean } from '../../simulators/kernel/options-validation.js';
import { PLUGINS } from '../../simulators/registry.js';
import { createToyApp } from '../support/toy-vendor.js';

async function problemsOf(attempt: Promise<unknown>): Promise<string[]> {
  try {
    await attempt;
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('startSimulators checks its options against the composed schema', () => {
  it('names every mistake by JSON pointer, with the expected value and a did-you-mean', async () => {
    const problems = await problemsOf(
      startSimulators({
        ports: { webex: 0, wbex: 1 } as Record<string, number>,
        simulators: {
          webex: { rateLimit: { kind: 'fixedwindow' }, failureRate: 2 },
          rprm: { generation: { polls: 1, recordsPerSecond: 5 }, onRows: 'count' },
        },
        kernel: { journalSize: -1 },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        '/ports/wbex: unknown key (did you mean "webex"?)',
        '/simulators/webex/rateLimit/kind: must be one of fixed-window, token-bucket, off (got "fixedwindow")',
        '/simulators/webex/failureRate: must be a number from 0 to 1 (got 2)',
        '/simulators/rprm/generation: must NOT have more than 1 properties (got {"polls":1,"recordsPerSecond":5})',
        '/simulators/rprm/onRows: must be a function (library option only; got "count")',
        '/kernel/journalSize: must be an integer from 0 to 1000000 (got -1)',
      ]),
    );
  });

  it('accepts what only a library can pass: a Clock, a function, and the documented options', async () => {
    const seen: string[] = [];
    await using running = await startSimulators({
      clock: new Clock({ mode: 'manual', start: '2026-01-01T00:00:00Z' }),
      only: ['webex'],
      ports: { webex: 0 },
      kernel: { onExchange: (e) => seen.push(e.vendor) },
      simulators: {
        webex: { generation: { kind: 'polls', count: 1 }, faults: [{ effect: { status: 503 } }] },
      },
    });
    const res = await fetch(`${running.urls.webex}/v1/wholesale/billing/reports`);
    expect(res.status).toBe(503);
    expect(seen).toEqual(['webex']);
  });
});

describe('admin updates go through the same schema', () => {
  it('POST /_sim/faults refuses a list with one bad rule, naming it, and stores none', async () => {
    const app = createToyApp();
    const bad = await request(app)
      .post('/_sim/faults')
      .send([{ effect: { status: 503 } }, { effect: { status: 200, retryAfter: 1 } }]);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe(
      '/1/effect/retryAfter: unknown key (did you mean "retryAfterSeconds"?); /1/effect/status: must be an integer from 400 to 599 (got 200)',
    );
    expect((await request(app).get('/_sim/faults')).body.faults).toEqual([]);
  });
});

describe('environment settings', () => {
  it('map BILLING_SIM_<VENDOR>_<OPTION> and BILLING_SIM_<OPTION> onto the config, values read as JSON', () => {
    const { config, problems } = configFromEnv(
      {
        BILLING_SIM_SEED: '5',
        BILLING_SIM_TIME_SCALE: '60',
        BILLING_SIM_ONLY: 'webex,rprm',
        BILLING_SIM_JOURNAL_SIZE: '0',
        BILLING_SIM_WEBEX_PORT: '9402',
        BILLING_SIM_WEBEX_RATE_LIMIT: '{"kind":"off"}',
        BILLING_SIM_RPRM_TIME_ZONE: 'Europe/Berlin',
        BILLING_SIM_CONFIG: '/config/sim.yaml',
        PATH: '/bin',
      },
      PLUGINS,
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      seed: 5,
      timeScale: 60,
      only: ['webex', 'rprm'],
      kernel: { journalSize: 0 },
      simulators: { webex: { port: 9402, rateLimit: { kind: 'off' } }, rprm: { timeZone: 'Europe/Berlin' } },
    });
  });

  it('names a variable that names no option, and skips the ones it is told belong to others', () => {
    const env = { BILLING_SIM_WEBEX_FAILURE_RAT: '1', BILLING_SIM_WEBEX_TOKEN: 't' };
    expect(configFromEnv(env, PLUGINS, new Set(['BILLING_SIM_WEBEX_TOKEN'])).problems).toEqual([
      'BILLING_SIM_WEBEX_FAILURE_RAT: names no option (did you mean BILLING_SIM_WEBEX_FAILURE_RATE?)',
    ]);
  });

  it('merge: later sources win key by key', () => {
    expect(
      mergeConfig(
        { seed: 1, simulators: { webex: { port: 1, failureRate: 0.5 } } },
        { simulators: { webex: { port: 2 } } },
      ),
    ).toEqual({ seed: 1, simulators: { webex: { port: 2, failureRate: 0.5 } } });
  });
});

describe('did you mean', () => {
  it('prefers a case-insensitive match, then the nearest key within a third of its length', () => {
    expect(didYouMean('ratelimit', ['rateLimit', 'realm'])).toBe('rateLimit');
    expect(didYouMean('timeScal', ['seed', 'timeScale'])).toBe('timeScale');
    expect(didYouMean('zzz', ['seed', 'timeScale'])).toBeUndefined();
  });
});
