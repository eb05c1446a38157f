import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvContracts } from '../../../contracts/index.js';
import { CDR_FILES, QUOTING_EDGE_NAMES, type RprmOptions } from '../../../simulators/rprm/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, binary, makeApp, parseCsv, unzip } from './support.js';

const guard = contractGuard();

/** Two local days around the 2026 spring-forward (2026-03-08 02:00 America/New_York). */
const DST_WINDOW = { 'from-date': '2026-03-07T00:00:00', 'to-date': '2026-03-09T00:00:00' };
const FROM = Date.parse('2026-03-07T00:00:00-05:00');
const TO = Date.parse('2026-03-09T00:00:00-04:00');

async function generatedExport(options: RprmOptions = {}, query: Record<string, string> = DST_WINDOW) {
  const { agent, clock } = makeApp(guard, options);
  await agent.post(`${BILLING}/generate-cdrs`).query(query).set('Authorization', ADMIN).expect(202);
  clock.advance(60_000);
  const res = await agent
    .get(`${BILLING}/download-cdrs`)
    .set('Authorization', ADMIN)
    .buffer(true)
    .parse(binary);
  expect(res.status).toBe(200);
  return unzip(res.body as Buffer);
}

function table(text: string) {
  const [header, ...rows] = parseCsv(text);
  const at = (name: string) => header!.indexOf(name);
  return { header: header!, rows, at };
}

describe('the CDR export ZIP', () => {
  it('holds the three CSV files, each matching its column contract', async () => {
    const files = await generatedExport();
    expect([...files.keys()]).toEqual([...CDR_FILES]);
    const contracts = csvContracts();
    const names = {
      'calls.csv': 'rprm-calls',
      'conferences.csv': 'rprm-conferences',
      'callcounts.csv': 'rprm-callcounts',
    };
    for (const [file, contractName] of Object.entries(names)) {
      const contract = contracts.get(contractName);
      const { header, rows } = table(files.get(file)!);
      expect(contract.checkHeader(header), file).toEqual([]);
      expect(rows.length, file).toBeGreaterThan(0);
      const violations = rows.flatMap((row, i) => contract.checkRow(row, i + 2));
      expect(violations, file).toEqual([]);
    }
  });

  it('quotes exactly by the RPRM rule and round-trips through a CSV parser', async () => {
    const files = await generatedExport();
    const calls = files.get('calls.csv')!;
    // An independent writer of the same rule reproduces every file byte for byte.
    for (const [name, text] of files) {
      const again = stringify(parseCsv(text), {
        quoted_match: [/^[ \t]/, /[ \t]$/, /,/, /"/],
        record_delimiter: 'windows',
      });
      expect(again, name).toBe(text);
    }
    const { rows, at } = table(calls);
    const names = new Set(rows.flatMap((r) => [r[at('origDisplayName')], r[at('destDisplayName')]]));
    for (const edge of QUOTING_EDGE_NAMES) expect(names.has(edge), JSON.stringify(edge)).toBe(true);
    expect(calls).toContain(',"Smith, John",');
    expect(calls).toContain(',"William ""Bill"" Smith",');
    expect(calls).toContain(',"\tLeading Tab",');
    expect(calls).toContain(',"Trailing Tab\t",');
    expect(calls).toContain(',"Trailing Space ",');
    expect(calls).toContain(',"""Abdul');
  });

  it('keeps calls, conferences and call counts consistent with each other and the window', async () => {
    const files = await generatedExport();
    const calls = table(files.get('calls.csv')!);
    const confs = table(files.get('conferences.csv')!);
    const counts = table(files.get('callcounts.csv')!);

    // 2 days at 1000 calls/day (the calls that ended in them, a few more or less at the edges).
    expect(calls.rows.length).toBeGreaterThan(1900);
    expect(calls.rows.length).toBeLessThan(2100);
    let previous = Number.NEGATIVE_INFINITY;
    for (const row of calls.rows) {
      if (row[calls.at('displays')] !== '1') continue; // ITP rows hold lists
      const start = Date.parse(row[calls.at('startTime')]!);
      const end = Date.parse(row[calls.at('endTime')]!);
      // Rows in start order; membership by end time, [from-date, to-date).
      expect(start).toBeGreaterThanOrEqual(previous);
      expect(end).toBeGreaterThanOrEqual(FROM);
      expect(end).toBeLessThan(TO);
      expect(end).toBeGreaterThanOrEqual(start);
      expect(Number(row[calls.at('durationSeconds')])).toBe(Math.floor((end - start) / 1000));
      previous = start;
    }

    const total = counts.rows.at(-1)!;
    expect(total[counts.at('recordType')]).toBe('TOTAL');
    expect(Number(total[counts.at('numberOfCalls')])).toBe(calls.rows.length);
    expect(Number(total[counts.at('numberOfConferences')])).toBe(confs.rows.length);
    expect(total[counts.at('intervalStart')]).toBe('2026-03-07T00:00:00.000-05:00');
    expect(total[counts.at('intervalEnd')]).toBe('2026-03-09T00:00:00.000-04:00');
    expect(total[counts.at('clustersIncluded')]).toBe('dma-east.example.com');
    const intervals = counts.rows.slice(0, -1);
    expect(intervals).toHaveLength(47); // the spring-forward day has 23 hours
    expect(intervals.reduce((n, r) => n + Number(r[counts.at('numberOfCalls')]), 0)).toBe(calls.rows.length);
    expect(intervals.reduce((n, r) => n + Number(r[counts.at('numberOfConferences')]), 0)).toBe(
      confs.rows.length,
    );
    const endOf = (time: string) => Math.max(...time.split(',').map(Date.parse));
    intervals.forEach((r, i) => {
      if (i > 0) expect(r[counts.at('intervalStart')]).toBe(intervals[i - 1]![counts.at('intervalEnd')]);
      const a = Date.parse(r[counts.at('intervalStart')]!);
      const b = Date.parse(r[counts.at('intervalEnd')]!);
      const ended = (t: string) => endOf(t) >= a && endOf(t) < b;
      expect(Number(r[counts.at('numberOfCalls')])).toBe(
        calls.rows.filter((c) => ended(c[calls.at('endTime')]!)).length,
      );
      expect(Number(r[counts.at('numberOfConferences')])).toBe(
        confs.rows.filter((c) => ended(c[confs.at('endTime')]!)).length,
      );
    });

    // Calls point at conferences by confUUID; a conference that started inside the window has
    // all its calls in calls.csv: it ends when the last of them leaves, partCount is their peak.
    const byConference = new Map<string, { start: number; end: number }[]>();
    for (const row of calls.rows) {
      const id = row[calls.at('confUUID')]!.split(',')[0]!;
      const type = row[calls.at('callType')]!;
      expect(id === '', type).toBe(type === 'PT-PT' || type.startsWith('VSC-'));
      const span = {
        start: Date.parse(row[calls.at('startTime')]!.split(',')[0]!),
        end: endOf(row[calls.at('endTime')]!),
      };
      if (id) byConference.set(id, [...(byConference.get(id) ?? []), span]);
    }
    let checked = 0;
    for (const r of confs.rows) {
      const start = Date.parse(r[confs.at('startTime')]!);
      const end = Date.parse(r[confs.at('endTime')]!);
      const held = byConference.get(r[confs.at('confUUID')]!) ?? [];
      for (const call of held) expect(call.end).toBeLessThanOrEqual(end);
      if (start < FROM) continue;
      checked++;
      expect(Math.max(...held.map((c) => c.end))).toBe(end);
      expect(Math.min(...held.map((c) => c.start))).toBe(start);
      const peak = Math.max(
        ...held.map((a) => held.filter((b) => b.start <= a.start && b.end > a.start).length),
      );
      expect(Number(r[confs.at('partCount')])).toBe(peak);
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('writes local times with the offset in force, across the DST change', async () => {
    const files = await generatedExport();
    const calls = table(files.get('calls.csv')!);
    const confs = table(files.get('conferences.csv')!);
    const offsets = new Set(calls.rows.map((r) => r[calls.at('startTime')]!.slice(-6)));
    expect(offsets).toEqual(new Set(['-05:00', '-04:00']));
    const spanning = [
      ...calls.rows.map((r): [string, string] => [r[calls.at('startTime')]!, r[calls.at('endTime')]!]),
      ...confs.rows.map((r): [string, string] => [r[confs.at('startTime')]!, r[confs.at('endTime')]!]),
    ].filter(([s, e]) => s.endsWith('-05:00') && e.endsWith('-04:00'));
    expect(spanning.length).toBeGreaterThan(0);
    // No local time falls inside the skipped hour.
    expect(files.get('calls.csv')!).not.toMatch(/2026-03-08T02:\d\d:\d\d\.\d{3}/);
  });

  it('counts per local day when asked, the DST day included', async () => {
    const files = await generatedExport({ callCountInterval: 'day' });
    const counts = table(files.get('callcounts.csv')!);
    const spans = counts.rows.map((r) => [r[0], r[counts.at('intervalStart')], r[counts.at('intervalEnd')]]);
    expect(spans).toEqual([
      ['INTERVAL', '2026-03-07T00:00:00.000-05:00', '2026-03-08T00:00:00.000-05:00'],
      ['INTERVAL', '2026-03-08T00:00:00.000-05:00', '2026-03-09T00:00:00.000-04:00'],
      ['TOTAL', '2026-03-07T00:00:00.000-05:00', '2026-03-09T00:00:00.000-04:00'],
    ]);
    const calls = Number(counts.rows[0]![3]) + Number(counts.rows[1]![3]);
    expect(calls).toBe(Number(counts.rows[2]![3]));
    // The 23-hour day has fewer calls than the 24-hour one, about 23/24 of them.
    expect(Number(counts.rows[1]![3])).toBeLessThan(Number(counts.rows[0]![3]));
  });

  it('is deterministic: same seed → same bytes, another seed → other rows', async () => {
    const a = await generatedExport({ seed: 7 });
    const b = await generatedExport({ seed: 7 });
    const c = await generatedExport({ seed: 8 });
    expect(b.get('calls.csv')).toBe(a.get('calls.csv'));
    expect(b.get('conferences.csv')).toBe(a.get('conferences.csv'));
    expect(c.get('calls.csv')).not.toBe(a.get('calls.csv'));
  });

  it('scales the row count with the window length and calls per day', async () => {
    const day = { 'from-date': '2026-03-10T00:00:00Z', 'to-date': '2026-03-11T00:00:00Z' };
    const week = { 'from-date': '2026-03-04T00:00:00Z', 'to-date': '2026-03-11T00:00:00Z' };
    const rows = async (options: RprmOptions, q: Record<string, string>) =>
      parseCsv((await generatedExport(options, q)).get('calls.csv')!).length - 1;
    const oneDay = await rows({ callsPerDay: 240 }, day);
    const sevenDays = await rows({ callsPerDay: 240 }, week);
    const denser = await rows({ callsPerDay: 960 }, day);
    // Calls that end in the window: the slots in it, give or take the calls crossing its edges.
    expect(Math.abs(oneDay - 240)).toBeLessThanOrEqual(20);
    expect(Math.abs(sevenDays - 7 * 240)).toBeLessThanOrEqual(20);
    expect(Math.abs(denser - 960)).toBeLessThanOrEqual(60);
  });

  it('overlapping windows hold identical rows for the calls they share', async () => {
    const wide = await generatedExport(
      {},
      { 'from-date': '2026-03-10T00:00:00Z', 'to-date': '2026-03-10T12:00:00Z' },
    );
    const narrow = await generatedExport(
      {},
      { 'from-date': '2026-03-10T06:00:00Z', 'to-date': '2026-03-10T12:00:00Z' },
    );
    const narrowRows = narrow.get('calls.csv')!.split('\r\n').slice(1).filter(Boolean);
    expect(narrowRows.length).toBeGreaterThan(200);
    const wideTable = table(wide.get('calls.csv')!);
    const cut = Date.parse('2026-03-10T06:00:00Z');
    const wideLines = wide.get('calls.csv')!.split('\r\n').slice(1).filter(Boolean);
    const expected = wideLines.filter(
      (_, i) => Math.max(...wideTable.rows[i]![wideTable.at('endTime')]!.split(',').map(Date.parse)) >= cut,
    );
    expect(narrowRows).toEqual(expected);
  });
});

describe('GET /api/rest/billing (deprecated)', () => {
  it('streams the same ZIP synchronously, without touching the generation status', async () => {
    const { agent } = makeApp(guard);
    const res = await agent
      .get(BILLING)
      .query(DST_WINDOW)
      .set('Authorization', ADMIN)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="cdrExport.zip"');
    expect(res.headers.etag).toBeUndefined();
    const files = await unzip(res.body as Buffer);
    const generated = await generatedExport();
    for (const name of CDR_FILES) expect(files.get(name), name).toBe(generated.get(name));
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.statusType).toBe('NOT_STARTED');
  });

  it('takes the calls that ended in [from-date, to-date): one ending exactly at from-date is in, at to-date out', async () => {
    const { agent } = makeApp(guard);
    const fetchCalls = async (query: Record<string, string>) => {
      const res = await agent
        .get(BILLING)
        .query(query)
        .set('Authorization', ADMIN)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      return table((await unzip(res.body as Buffer)).get('calls.csv')!);
    };
    const day = await fetchCalls(DST_WINDOW);
    const single = day.rows.filter((r) => r[day.at('displays')] === '1');
    const end = single[5]![day.at('endTime')]!;
    const uuid = single[5]![day.at('callUuid')]!;
    const from = await fetchCalls({ 'from-date': end, 'to-date': DST_WINDOW['to-date'] });
    expect(from.rows.map((r) => r[from.at('callUuid')])).toContain(uuid);
    const to = await fetchCalls({ 'from-date': DST_WINDOW['from-date'], 'to-date': end });
    expect(to.rows.map((r) => r[to.at('callUuid')])).not.toContain(uuid);
  });

  it('defaults to midnight today → now in the server zone', async () => {
    const { agent } = makeApp(guard);
    const res = await agent.get(BILLING).set('Authorization', ADMIN).buffer(true).parse(binary);
    const counts = table((await unzip(res.body as Buffer)).get('callcounts.csv')!);
    const total = counts.rows.at(-1)!;
    expect(total[counts.at('intervalStart')]).toBe('2026-03-15T00:00:00.000-04:00');
    expect(total[counts.at('intervalEnd')]).toBe('2026-03-15T10:00:00.000-04:00');
  });

  it('answers a bad date with a 400 plcm-error naming the parameter', async () => {
    const { agent } = makeApp(guard);
    const res = await agent
      .get(BILLING)
      .query({ 'to-date': '2026-13-01T00:00:00' })
      .set('Authorization', ADMIN);
    expect(res.status).toBe(400);
    expect(res.body.localizationParam).toEqual(['to-date']);
    expect(res.body.description).toMatch(/to-date/);
  });
});
