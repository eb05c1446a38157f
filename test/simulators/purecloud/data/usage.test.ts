import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededData } from '../../../../simulators/kernel/seed.js';
import { formatDateTime, monthStart } from '../../../../simulators/purecloud/data/dates.js';
import { MONTH_CACHE_LIMIT, OrgHistory } from '../../../../simulators/purecloud/data/history.js';
import {
  Assignments,
  deriveMonth,
  NamePrefixes,
  unit,
  writeRows,
} from '../../../../simulators/purecloud/data/observations.js';
import { usageReport, usagesJson } from '../../../../simulators/purecloud/data/usage.js';
import type { PureCloudOrg } from '../../../../simulators/purecloud/options.js';

/**
 * The optimised projection (typed columns, radix-sorted months, rows written as bytes) against
 * a straightforward one: every assignment, month by month, its observation instant drawn by the
 * same rule, filtered, grouped, sorted with a comparator and serialised with JSON.stringify.
 */
function reference(history: OrgHistory, start: number, end: number, cutoff: number): string {
  const { resource, product, from, to, seed } = history.assignments;
  const rows = history.observedProducts.map(() => [] as { at: number; resource: number }[]);
  const last = Math.min(end, cutoff - 1);
  for (let i = 0; i < resource.length; i++) {
    const device = history.observedProducts[product[i]!]!.kind === 'device';
    for (
      let m = monthStart(Math.max(from[i]!, start));
      m <= Math.min(last, to[i]! - 1);
      m = monthStart(m, 1)
    ) {
      const next = monthStart(m, 1);
      const lo = Math.max(from[i]!, m);
      const hi = Math.min(to[i]!, next);
      if (lo >= hi) continue;
      const d = new Date(m);
      const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
      let at: number;
      const pinned = history.assignments.observed?.[i];
      if (pinned) {
        const pinnedAt = pinned.get(month);
        if (pinnedAt === undefined || pinnedAt < lo || pinnedAt >= hi) continue;
        at = pinnedAt;
      } else {
        if (!device && unit(seed[i]!, month) < 0.04) continue;
        const u = unit(seed[i]! ^ 0x5bd1e995, month);
        at = lo + Math.floor((u * u * (hi - lo)) / 1000) * 1000;
        if (at >= hi) at = lo;
      }
      if (at >= start && at <= last) rows[product[i]!]!.push({ at, resource: resource[i]! });
    }
  }
  const usages = history.observedProducts
    .map((p, i) => ({ p, list: rows[i]!.sort((a, b) => a.at - b.at || a.resource - b.resource) }))
    .filter((g) => g.list.length > 0)
    .map(({ p, list }) => ({
      name: p.name,
      totalUsage: String(list.length),
      resources: list.map((r) => ({ name: history.resources[r.resource]!, date: formatDateTime(r.at) })),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify(usages);
}

const DAY = 86_400_000;
const org = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  users: fc.integer({ min: 0, max: 250 }),
  devices: fc.integer({ min: 0, max: 6 }),
  contracts: fc.integer({ min: 1, max: 4 }),
  tokenBased: fc.boolean(),
});
/** 2023-10 … 2028-03, whole milliseconds (so ranges start and end off the second too). */
const instant = fc.integer({ min: Date.UTC(2023, 9, 1), max: Date.UTC(2028, 2, 1) });
const span = fc.oneof(fc.integer({ min: 0, max: 40 * DAY }), fc.integer({ min: 0, max: 900 * DAY }));
const cutoff = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1) / DAY, max: Date.UTC(2028, 6, 1) / DAY }).map((d) => d * DAY),
  instant.map((ms) => ms + 1),
);

function historyOf(w: {
  seed: number;
  users: number;
  devices: number;
  contracts: number;
  tokenBased: boolean;
}) {
  const o: PureCloudOrg = {
    id: `00000000-0000-4000-8000-${String(w.seed).padStart(12, '0')}`,
    name: `Org ${w.seed}`,
    users: w.users,
    devices: w.devices,
    contracts: w.contracts,
    tokenBased: w.tokenBased,
    clients: [],
  };
  return new OrgHistory(new SeededData(w.seed), o);
}

describe('purecloud billable usage projection', () => {
  it('equals the straightforward projection byte for byte, for random orgs, ranges and cut-offs', () => {
    fc.assert(
      fc.property(
        org,
        fc.array(fc.tuple(instant, span, cutoff), { minLength: 1, maxLength: 6 }),
        (w, asks) => {
          const history = historyOf(w);
          // Several ranges on one history: later ones are served partly from its month cache.
          for (const [start, length, cut] of asks) {
            const end = start + length;
            const expected = reference(history, start, end, cut);
            const bytes = usagesJson(history, start, end, cut);
            expect(bytes.toString('utf8')).toBe(expected);
            const counts = history.observedProducts.map((_, p) => history.count(p, start, end, cut));
            const parsed = JSON.parse(expected) as { name: string; totalUsage: string }[];
            for (const [p, product] of history.observedProducts.entries()) {
              const listed = parsed.find((u) => u.name === product.name);
              expect(counts[p]).toBe(Number(listed?.totalUsage ?? 0));
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is the same bytes whether months come from the cache or are derived again', () => {
    const w = { seed: 7, users: 120, devices: 3, contracts: 3, tokenBased: true };
    const warm = historyOf(w);
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2028, 11, 31);
    const cut = Date.UTC(2028, 6, 1);
    const first = usagesJson(warm, start, end, cut);
    // More months than the cache holds: the first ones were dropped and are derived again.
    expect(warm.monthsIn(start, end, cut).length).toBeGreaterThan(MONTH_CACHE_LIMIT);
    expect(usagesJson(warm, start, end, cut).equals(first)).toBe(true);
    expect(usagesJson(historyOf(w), start, end, cut).equals(first)).toBe(true);
    expect(first.toString('utf8')).toBe(reference(warm, start, end, cut));
  });

  it('writes exactly its announced size between the given head and tail', () => {
    const history = historyOf({ seed: 3, users: 40, devices: 2, contracts: 2, tokenBased: false });
    const head = Buffer.from('{"usages":');
    const tail = Buffer.from(',"ünï":1}');
    const start = Date.UTC(2024, 0, 1);
    const report = usageReport(history, start, start + 400 * DAY, Date.UTC(2026, 0, 1), head, tail);
    const out = Buffer.alloc(report.size + 4, 0xee);
    report.writeInto(out);
    expect(out.subarray(report.size).equals(Buffer.alloc(4, 0xee))).toBe(true);
    const body = JSON.parse(out.subarray(0, report.size).toString('utf8'));
    expect(body.ünï).toBe(1);
    expect(JSON.stringify(body.usages)).toBe(
      reference(history, start, start + 400 * DAY, Date.UTC(2026, 0, 1)),
    );
  });

  it('renders every resource name as JSON.stringify would, escapes and non-ASCII included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 20 }), (names) => {
        const prefixes = new NamePrefixes(names);
        names.forEach((n, i) => {
          const text = prefixes.bytes.subarray(prefixes.starts[i], prefixes.starts[i + 1]).toString('utf8');
          expect(text).toBe(`{"name":${JSON.stringify(n)},"date":"`);
        });
        expect(prefixes.starts[names.length]).toBe(prefixes.bytes.length);
      }),
    );
  });

  it('takes pinned first observations (golden data) as they are, and no other in their months', () => {
    const march = Date.UTC(2026, 2, 1);
    const month = 2026 * 12 + 2;
    const pinnedAt = Date.UTC(2026, 2, 9, 8, 30, 5);
    const list = [
      { resource: 0, product: 0, from: Date.UTC(2026, 0, 1), to: Infinity, seed: 11 },
      {
        resource: 1,
        product: 0,
        from: Date.UTC(2026, 0, 1),
        to: Infinity,
        seed: 12,
        observed: new Map([[month, pinnedAt]]),
      },
      // Pinned for another month only: not observed in March.
      {
        resource: 2,
        product: 0,
        from: Date.UTC(2026, 0, 1),
        to: Infinity,
        seed: 13,
        observed: new Map([[month + 1, Date.UTC(2026, 3, 2)]]),
      },
    ];
    const names = new NamePrefixes(['a@x', 'b "quoted"', 'c@x']);
    const m = deriveMonth(march, new Assignments(list, 1), [false], names).products[0]!;
    const rows = [...m.resources].map((r, i) => ({ r, at: march + m.seconds[i]! * 1000 }));
    expect(rows.find((x) => x.r === 1)?.at).toBe(pinnedAt);
    expect(rows.some((x) => x.r === 2)).toBe(false);
    const out = Buffer.alloc(1000);
    const end = writeRows(names, m, 0, m.seconds.length, out, new DataView(out.buffer), 0);
    expect(JSON.parse(`[${out.subarray(0, end).toString('utf8')}]`)).toContainEqual({
      name: 'b "quoted"',
      date: '2026-03-09T08:30:05Z',
    });
  });
});
