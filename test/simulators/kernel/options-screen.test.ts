import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  configSchema,
  FUNCTION_KEYWORD,
  type JsonSchema,
  startOptionsSchema,
} from '../../../simulators/kernel/options-schema.js';
import { OptionsScreen } from '../../../simulators/kernel/options-screen.js';
import { OptionsValidator } from '../../../simulators/kernel/options-validation.js';
import { PLUGINS } from '../../../simulators/registry.js';

type Node = Record<string, unknown>;

/** Any JSON-ish value, including the kinds a YAML file or a library caller can hand over. */
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NaN, -0, 1.5, -1, 0, 2 ** 53, () => 1, null),
);

/**
 * Values shaped by the schema: valid ones (`slips` off), or with a mistake now and then at any
 * depth (a wrong value, a number just outside its range, a key that does not exist). Both validators judge the same value.
 */
function shaped(schema: unknown, slips: boolean, depth = 0): fc.Arbitrary<unknown> {
  if (schema === true || schema === undefined) return anything;
  if (schema === false) return anything;
  const s = schema as Node;
  // Mistakes: any value at all, or a number just outside the node's range.
  const edges = [s.minimum, s.maximum, s.exclusiveMinimum].filter((n): n is number => typeof n === 'number');
  const mistake = edges.length
    ? fc.oneof(anything, fc.constantFrom(...edges.flatMap((n) => [n - 1, n + 1, n])))
    : anything;
  let good: fc.Arbitrary<unknown>;
  if (s[FUNCTION_KEYWORD] === true) good = fc.constant(() => undefined);
  else if (Array.isArray(s.enum)) good = fc.constantFrom(...(s.enum as unknown[]));
  else if ('const' in s) good = fc.constant(s.const);
  else if (Array.isArray(s.anyOf ?? s.oneOf))
    good = fc.oneof(...((s.anyOf ?? s.oneOf) as unknown[]).map((b) => shaped(b, slips, depth + 1)));
  else if (s.type === 'object' || s.properties) {
    const props = (s.properties ?? {}) as Record<string, unknown>;
    const keys = Object.keys(props);
    const extra = s.additionalProperties;
    good =
      keys.length === 0 && extra && typeof extra === 'object'
        ? fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), shaped(extra, slips, depth + 1), {
            minKeys: 1,
            maxKeys: 2,
          })
        : depth > 12 || keys.length === 0
          ? fc.constant({})
          : s.minProperties !== undefined || s.maxProperties !== undefined
            ? // One member, which satisfies "at least one" and "at most one" alike.
              fc
                .constantFrom(...keys)
                .chain((k) => shaped(props[k], slips, depth + 1).map((v) => ({ [k]: v })))
            : fc
                .record(Object.fromEntries(keys.map((k) => [k, shaped(props[k], slips, depth + 1)])), {
                  requiredKeys: [],
                })
                .chain((obj) =>
                  fc.oneof(
                    { weight: 30, arbitrary: fc.constant(obj) },
                    {
                      weight: 1,
                      arbitrary: fc.string({ minLength: 1, maxLength: 8 }).map((k) => ({ ...obj, [k]: 1 })),
                    },
                  ),
                );
  } else if (s.type === 'array') good = fc.array(shaped(s.items, slips, depth + 1), { maxLength: 3 });
  else if (s.type === 'integer')
    good = fc.integer({
      min: typeof s.minimum === 'number' ? Math.max(s.minimum, -1e9) : -10,
      max: typeof s.maximum === 'number' ? Math.min(s.maximum, 1e9) : 1e6,
    });
  else if (s.type === 'number')
    good = fc.double({
      min: typeof s.minimum === 'number' ? s.minimum : 0.001,
      max: typeof s.maximum === 'number' ? s.maximum : 1e6,
      noNaN: true,
    });
  else if (s.type === 'string')
    good = s.pattern
      ? fc.constantFrom('http://x', 'https://a.b', ...(slips ? ['ftp://no'] : []))
      : fc.string({ minLength: typeof s.minLength === 'number' ? s.minLength : 0, maxLength: 12 });
  else if (s.type === 'boolean') good = fc.boolean();
  else if (Array.isArray(s.type)) good = fc.oneof(fc.integer(), fc.string({ maxLength: 8 }));
  else good = anything;
  return slips ? fc.oneof({ weight: 40, arbitrary: good }, { weight: 1, arbitrary: mistake }) : good;
}

function agree(schema: JsonSchema, runs: number): void {
  const screen = new OptionsScreen();
  const ajv = new OptionsValidator({ screen: false });
  let valid = 0;
  fc.assert(
    fc.property(
      fc.oneof(
        { weight: 3, arbitrary: shaped(schema, false) },
        { weight: 1, arbitrary: shaped(schema, true) },
      ),
      (value) => {
        const byAjv = ajv.check(schema, value).length === 0;
        const byScreen = screen.passes(schema, value);
        if (byAjv) valid++;
        // Sound: never "valid" where ajv says otherwise. Complete on what it judges: a valid
        // value it declines is only one holding a non-finite number (ajv is asked then).
        expect(byScreen && !byAjv).toBe(false);
        if (byAjv && !byScreen)
          expect(
            JSON.stringify(value, (_k, v) => (Number.isFinite(v) || typeof v !== 'number' ? v : 'NF')),
          ).toContain('NF');
      },
    ),
    { numRuns: runs, seed: 20261202 },
  );
  // The generator reaches both sides, or the comparison says little.
  expect(valid).toBeGreaterThan(5);
  expect(valid).toBeLessThan(runs);
}

describe('the options screen agrees with ajv', () => {
  it('on configuration files shaped by the composed schema, mistakes included', () => {
    agree(configSchema(PLUGINS), 600);
  });

  it('on startSimulators options (library callers: functions, Clock-free plain data)', () => {
    agree(startOptionsSchema(PLUGINS), 400);
  });

  it('on the twelve mistaken configuration files of issue 14, each refused', () => {
    const screen = new OptionsScreen();
    const schema = configSchema(PLUGINS);
    const mistakes: unknown[] = [
      { simulators: { webex: { rateLimit: { kind: 'fixed-windw', limit: 1, windowMs: 1 } } } },
      { simulators: { wbex: {} } },
      { simulators: { webex: { ratelimit: { kind: 'off' } } } },
      { simulators: { webex: { rateLimit: { kind: 'fixed-window', limit: 2 } } } },
      { simulators: { webex: { rateLimit: { kind: 'fixed-window', limit: '2', windowMs: 1 } } } },
      { simulators: { webex: { rateLimit: { kind: 'token-bucket', capacity: 1, refillPerSecond: 0 } } } },
      { simulators: { purecloud: { generation: { kind: 'polls' } } } },
      { simulators: { webex: { port: '99x' } } },
      { kernel: { bodyLimitBytes: -1 } },
      { kernel: { journalSize: 1.5 } },
      { timeScal: 2 },
      { timeScale: Number.POSITIVE_INFINITY },
    ];
    for (const m of mistakes) expect(screen.passes(schema, m), JSON.stringify(m)).toBe(false);
    expect(screen.passes(schema, { simulators: { webex: { port: 8402 } }, seed: 7 })).toBe(true);
  });

  it('a function where data belongs, and data where a function belongs, are both refused', () => {
    const screen = new OptionsScreen();
    const schema = startOptionsSchema(PLUGINS);
    expect(screen.passes(schema, { kernel: { onRequest: () => undefined } })).toBe(true);
    expect(screen.passes(schema, { kernel: { onRequest: 5 } })).toBe(false);
    expect(screen.passes(schema, { kernel: { journalSize: () => 5 } })).toBe(false);
  });
});
