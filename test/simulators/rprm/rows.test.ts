import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvContracts } from '../../../contracts/index.js';
import { startSimulators } from '../../../simulators/index.js';
import { callRecord } from '../../../simulators/rprm/data/calls.js';
import { conferenceFacts } from '../../../simulators/rprm/data/context.js';
import { cdrContext, exportTables, latest } from './in-process.js';

const T0 = Date.parse('2026-03-07T00:00:00Z');
const DAY = 86_400_000;
const ITP_MODELS = [
  'RealPresence Immersive Studio',
  'Polycom OTX 300',
  'Polycom RPX 200',
  'Polycom RPX 400',
  'Polycom TPX 306M',
];

describe('rows as the DMA writes them', () => {
  it('ITP systems: one row each, single version/type/callType, every other field a list with one value per codec', async () => {
    const { calls, text } = await exportTables(cdrContext(), T0, T0 + 2 * DAY, T0 + 2 * DAY);
    const itp = calls.rows.filter((r) => r[calls.at('displays')] !== '1');
    expect(itp.length).toBeGreaterThan(20);
    for (const r of itp) {
      const codecs = r[calls.at('callUuid')]!.split(',').length;
      expect(codecs).toBeGreaterThanOrEqual(2);
      expect(codecs).toBeLessThanOrEqual(4);
      expect(r.slice(0, 3).every((v) => !v.includes(','))).toBe(true);
      for (const [i, cell] of r.entries())
        if (i >= 3) expect(cell.split(','), calls.header[i]).toHaveLength(codecs);
      const models = new Set(r[calls.at('origModel')]!.split(','));
      expect(models.size).toBe(1);
      expect(ITP_MODELS).toContain([...models][0]);
      expect(new Set(r[calls.at('displays')]!.split(','))).toEqual(new Set([String(codecs)]));
    }
    // On the wire each list is one quoted field.
    expect(text[0]).toMatch(/,"[0-9a-f-]{36},[0-9a-f-]{36}[^"]*",/);
    // Single-codec endpoints, soft clients among them, always have one display.
    for (const r of calls.rows.filter((x) => x[calls.at('displays')] === '1'))
      expect(r[calls.at('callUuid')]).not.toContain(',');
    expect(calls.rows.some((r) => r[calls.at('origModel')] === 'RealPresence Desktop')).toBe(true);
  });

  it('an ITP system in a conference counts as one participant', async () => {
    const { calls, conferences } = await exportTables(cdrContext(), T0, T0 + 2 * DAY, T0 + 2 * DAY);
    const byConf = new Map<string, { start: number; end: number }[]>();
    for (const r of calls.rows) {
      const id = r[calls.at('confUUID')]!.split(',')[0]!;
      if (!id) continue;
      const span = {
        start: Date.parse(r[calls.at('startTime')]!.split(',')[0]!),
        end: latest(r[calls.at('endTime')]!),
      };
      byConf.set(id, [...(byConf.get(id) ?? []), span]);
    }
    let withItp = 0;
    for (const r of conferences.rows) {
      if (Date.parse(r[conferences.at('startTime')]!) < T0) continue;
      const held = byConf.get(r[conferences.at('confUUID')]!)!;
      const peak = Math.max(
        ...held.map((a) => held.filter((b) => b.start <= a.start && b.end > a.start).length),
      );
      expect(Number(r[conferences.at('partCount')])).toBe(peak);
      if (
        calls.rows.some(
          (c) =>
            c[calls.at('displays')] !== '1' &&
            c[calls.at('confUUID')]!.startsWith(r[conferences.at('confUUID')]!),
        )
      )
        withItp++;
    }
    expect(withItp).toBeGreaterThan(0);
  });

  it('Lync conferences: empty userID, a Lync conference id in roomID, no RMX resources', async () => {
    const { calls, conferences } = await exportTables(cdrContext(), T0, T0 + 3 * DAY, T0 + 3 * DAY);
    const c = conferences;
    const lync = c.rows.filter((r) => r[c.at('confType')] === 'LYNC');
    const others = c.rows.filter((r) => r[c.at('confType')] !== 'LYNC');
    expect(lync.length).toBeGreaterThan(5);
    for (const r of lync) {
      expect(r[c.at('userID')]).toBe('');
      expect(r[c.at('roomID')]).toMatch(/^[A-Z2-9]{8}$/);
      expect(r[c.at('maxResourcesUsed')]).toBe('');
      const joined = calls.rows.filter((x) => x[calls.at('confUUID')]!.split(',')[0] === r[c.at('confUUID')]);
      for (const x of joined) {
        expect(x[calls.at('callType')]).toBe('VMR-Lync AVMCU');
        expect(x[calls.at('vmr')]!.split(',')[0]).toBe(r[c.at('roomID')]);
      }
    }
    for (const r of others) {
      expect(r[c.at('userID')]).toMatch(/^[A-Z]+\\[a-z0-9._-]+$/);
      expect(r[c.at('roomID')]).toMatch(/^[0-9]+$/);
      expect(r[c.at('maxResourcesUsed')]).toMatch(/^video: \d+ voice: \d+$/);
    }
  });

  it('charJoinTime is the first chairperson’s join as the call ended, blank without one (property)', () => {
    // userRole is not a 6.x column: the call records (every field by name) show who chaired.
    const ctx = cdrContext();
    let chaired = 0;
    let unchaired = 0;
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), (c) => {
        const facts = conferenceFacts(ctx, c);
        const records = facts.calls.map((t) => callRecord(ctx, ctx.grid.timing(t.g)).record);
        const chairStarts = records
          .filter((r) => r.userRole === 'chairperson')
          .map((r) => Date.parse(r.startTime!));
        const first = chairStarts.length ? Math.min(...chairStarts) : undefined;
        if (facts.room.requiresChair) expect(records[0]!.userRole).toBe('chairperson');
        for (const r of records) {
          if (first !== undefined && first <= Date.parse(r.endTime!)) {
            chaired++;
            expect(r.charJoinTime).toBe(ctx.formatTime(first));
          } else {
            unchaired++;
            expect(r.charJoinTime).toBe('');
          }
        }
        // Point-to-point calls of the block never carry one.
        for (let g = c * 8; g < c * 8 + 8; g++) {
          const t = ctx.grid.timing(g);
          if (!t.inConference) expect(callRecord(ctx, t).record.charJoinTime).toBe('');
        }
      }),
      { numRuns: 300 },
    );
    expect(chaired).toBeGreaterThan(0);
    expect(unchaired).toBeGreaterThan(0);
  });

  it('directory names and rooms carry non-ASCII text, UTF-8 encoded, quoting intact', async () => {
    const { calls, conferences, text } = await exportTables(cdrContext(), T0, T0 + 2 * DAY, T0 + 2 * DAY);
    const nonAscii = (s: string) => /[\u0080-\u{10ffff}]/u.test(s);
    const names = calls.rows.map((r) => r[calls.at('origDisplayName')]!);
    const share = names.filter(nonAscii).length / names.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.5);
    const all = text.join('');
    expect(/José|Müller|李|Ærø/.test(all)).toBe(true);
    expect(conferences.rows.some((r) => nonAscii(r[conferences.at('userDataB')]!))).toBe(true);
    // UTF-8 round trip: the bytes decode to the same text.
    expect(Buffer.from(Buffer.from(all, 'utf8')).toString('utf8')).toBe(all);
    // Logins stay ASCII (AD accounts), display names keep their letters.
    for (const r of conferences.rows)
      expect(r[conferences.at('userID')]).toMatch(/^([A-Z]+\\[a-z0-9._-]+)?$/);
  });
});

describe('column layouts by version (from contracts/csv)', () => {
  it('the default is the documented DMA 6.1 order: dialin 5th, userDataE then failureSignalingCode, no userRole', async () => {
    const { calls } = await exportTables(cdrContext(), T0, T0 + DAY, T0 + DAY);
    const h = calls.header;
    expect(h.slice(0, 7)).toEqual([
      'version',
      'type',
      'callType',
      'callUuid',
      'dialin',
      'startTime',
      'endTime',
    ]);
    expect(h[h.indexOf('userDataE') + 1]).toBe('failureSignalingCode');
    expect(h).not.toContain('userRole');
    expect(h.slice(-7)).toEqual([
      'origSignalingId',
      'origCallId',
      'destCallId',
      'chairPasscode',
      'confRequiresChair',
      'termConfAfterChairDrops',
      'charJoinTime',
    ]);
    expect(h).toEqual(csvContracts().get('rprm-calls').columns);
    expect(new Set(calls.rows.map((r) => r[0]))).toEqual(new Set(['2']));
  });

  it('cdrVersion "1" is the DMA 4.x layout: VEQCluster, userDataA–E, userRole, dialin last, times without milliseconds', async () => {
    const { calls, conferences } = await exportTables(
      cdrContext({ cdrVersion: '1' }),
      T0,
      T0 + DAY,
      T0 + DAY,
    );
    const contract = csvContracts().get('rprm-calls-1');
    expect(calls.header).toEqual(contract.columns);
    expect(calls.header.slice(-8)).toEqual([
      'VEQCluster',
      'userDataA',
      'userDataB',
      'userDataC',
      'userDataD',
      'userDataE',
      'userRole',
      'dialin',
    ]);
    expect(calls.rows.flatMap((r, i) => contract.checkRow(r, i + 2))).toEqual([]);
    expect(new Set(calls.rows.map((r) => r[0]))).toEqual(new Set(['1']));
    expect(calls.rows[0]![calls.at('startTime')]).toMatch(/T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(new Set(conferences.rows.map((r) => r[0]))).toEqual(new Set(['1']));
    const veq = calls.rows.filter((r) => r[calls.at('callType')] === 'VEQ');
    expect(veq.length).toBeGreaterThan(0);
    for (const r of veq) expect(r[calls.at('VEQCluster')]).toBe(r[calls.at('cluster')]);
  });

  it('a version without a layout in contracts/csv is refused at start, naming the option', async () => {
    await expect(
      startSimulators({ only: ['rprm'], simulators: { rprm: { cdrVersion: '3' } } }),
    ).rejects.toThrow(/\/simulators\/rprm\/cdrVersion: must be one of 2, 1/);
  });
});
