import { describe, expect, it } from 'vitest';
import { TimeZone } from '../../../simulators/rprm/data/zone.js';
import { parseXsDateTime } from '../../../simulators/rprm/routes/dates.js';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, makeApp } from './support.js';

const guard = contractGuard();
const zone = new TimeZone('America/New_York');

function iso(raw: string): string {
  const parsed = parseXsDateTime(raw, zone);
  if (!parsed.ok) throw new Error(`${raw}: ${parsed.reason}`);
  return new Date(parsed.ms).toISOString();
}

describe('xs:dateTime parsing', () => {
  it('accepts every documented form', () => {
    expect(iso('2001-10-26T21:32:52')).toBe('2001-10-27T01:32:52.000Z'); // server zone, EDT
    expect(iso('2001-12-26T21:32:52')).toBe('2001-12-27T02:32:52.000Z'); // server zone, EST
    expect(iso('2001-10-26T21:32:52+02:00')).toBe('2001-10-26T19:32:52.000Z');
    expect(iso('2001-10-26T19:32:52Z')).toBe('2001-10-26T19:32:52.000Z');
    expect(iso('2001-10-26T21:32:52.12679')).toBe('2001-10-27T01:32:52.126Z');
    expect(iso('2001-10-26T19:32:52.1Z')).toBe('2001-10-26T19:32:52.100Z');
    expect(iso('2001-10-26T19:32:52.123456789012345Z')).toBe('2001-10-26T19:32:52.123Z');
    expect(iso('2001-10-26T19:32:52-14:00')).toBe('2001-10-27T09:32:52.000Z');
    expect(iso('-2001-10-26T21:32:52Z')).toBe('-002000-10-26T21:32:52.000Z'); // 2001 BCE = ISO year −2000
    expect(parseXsDateTime('-2001-10-26T21:32:52', zone).ok).toBe(true);
    expect(iso('12001-01-01T00:00:00Z')).toBe('+012001-01-01T00:00:00.000Z');
  });

  it('reads an offset whose "+" a query string turned into a space', () => {
    expect(iso('2001-10-26T21:32:52 02:00')).toBe('2001-10-26T19:32:52.000Z');
  });

  it('resolves local times in DST gaps forward and in overlaps to the earlier instant', () => {
    expect(iso('2026-03-08T02:30:00')).toBe('2026-03-08T07:30:00.000Z'); // skipped: read as 03:30 EDT
    expect(iso('2026-11-01T01:30:00')).toBe('2026-11-01T05:30:00.000Z'); // repeated: the EDT reading
  });

  it('rejects malformed values with a reason', () => {
    for (const bad of [
      '',
      'yesterday',
      '2001-10-26',
      '2001-10-26 21:32:52',
      '2001-10-26T21:32',
      '01-10-26T21:32:52',
      '2001-13-26T21:32:52',
      '2001-02-29T00:00:00',
      '2001-04-31T00:00:00',
      '2001-10-26T24:00:00',
      '2001-10-26T21:60:00',
      '2001-10-26T21:32:60',
      '2001-10-26T21:32:52.Z',
      '2001-10-26T21:32:52+0200',
      '2001-10-26T21:32:52+15:00',
      '2001-10-26T21:32:52z',
      '0000-01-01T00:00:00Z',
      '02001-01-01T00:00:00Z',
      '999999-01-01T00:00:00Z',
    ]) {
      const parsed = parseXsDateTime(bad, zone);
      expect(parsed.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseXsDateTime('2000-02-29T00:00:00Z', zone).ok).toBe(true);
  });
});

describe('dates on the wire', () => {
  it.each([
    ['2026-03-14T08:00:00', '2026-03-14T08:00:00.000-04:00'],
    ['2026-03-14T08:00:00.5', '2026-03-14T08:00:00.500-04:00'],
    ['2026-03-14T12:00:00Z', '2026-03-14T08:00:00.000-04:00'],
    ['2026-03-14T14:00:00+02:00', '2026-03-14T08:00:00.000-04:00'],
  ])('generate-cdrs accepts from-date=%s', async (raw, local) => {
    const { agent } = makeApp(guard);
    const res = await agent
      .post(`${BILLING}/generate-cdrs`)
      .query({ 'from-date': raw })
      .set('Authorization', ADMIN);
    expect(res.status).toBe(202);
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.fromDate).toBe(local);
    expect(status.body.toDate).toBe('2026-03-15T10:00:00.000-04:00');
  });

  it('accepts an unencoded "+" offset in the query string', async () => {
    const { agent } = makeApp(guard);
    const res = await agent
      .post(`${BILLING}/generate-cdrs?from-date=2026-03-14T14:00:00+02:00`)
      .set('Authorization', ADMIN);
    expect(res.status).toBe(202);
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.fromDate).toBe('2026-03-14T08:00:00.000-04:00');
  });

  it.each([
    ['from-date', '2026-03-14'],
    ['to-date', '2026-03-14T25:00:00'],
    ['from-date', '14/03/2026 08:00'],
    ['to-date', '275760-09-13T00:00:00Z'], // at the edge of what a Date holds
    ['from-date', '275760-09-13T00:00:00'], // …and without an offset (server zone lookup)
  ])('a malformed %s=%s → 400 plcm-error naming it, nothing started', async (name, value) => {
    const { agent } = makeApp(guard);
    const res = await agent
      .post(`${BILLING}/generate-cdrs`)
      .query({ [name]: value })
      .set('Authorization', ADMIN);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-error\+json/);
    expect(res.body).toMatchObject({
      statusCode: 400,
      localizationKey: 'error.billing.invalid.date',
      localizationParam: [name],
    });
    expect(res.body.description).toContain(name);
    expect(res.headers.location).toBeUndefined();
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.statusType).toBe('NOT_STARTED');
  });

  it('rejects a repeated parameter and a window that ends before it starts', async () => {
    const { agent } = makeApp(guard);
    const twice = await agent
      .post(`${BILLING}/generate-cdrs?from-date=2026-03-14T00:00:00Z&from-date=2026-03-13T00:00:00Z`)
      .set('Authorization', ADMIN);
    expect(twice.status).toBe(400);
    expect(twice.body.localizationParam).toEqual(['from-date']);
    const backwards = await agent
      .post(`${BILLING}/generate-cdrs`)
      .query({ 'from-date': '2026-03-14T00:00:00Z', 'to-date': '2026-03-13T00:00:00Z' })
      .set('Authorization', ADMIN);
    expect(backwards.status).toBe(400);
    expect(backwards.body.localizationKey).toBe('error.billing.invalid.date.range');
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.statusType).toBe('NOT_STARTED');
  });

  it('answers a bad date in XML when the client asks for XML', async () => {
    const { agent } = makeApp(guard);
    const res = await agent
      .post(`${BILLING}/generate-cdrs`)
      .query({ 'to-date': 'soon' })
      .set('Authorization', ADMIN)
      .set('Accept', 'application/vnd.plcm.plcm-error+xml');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-error\+xml/);
    expect(res.text).toContain('<plcm-error xmlns="urn:com:polycom:api:rest:plcm-error">');
    expect(res.text).toContain('<status-code>400</status-code>');
    expect(res.text).toContain('<localization-param>to-date</localization-param>');
  });

  it('keeps the XML well-formed when the bad value holds characters XML cannot carry', async () => {
    const { agent } = makeApp(guard);
    const res = await agent
      .post(`${BILLING}/generate-cdrs?from-date=%01%FFx%3C`)
      .set('Authorization', ADMIN)
      .set('Accept', 'application/vnd.plcm.plcm-error+xml');
    expect(res.status).toBe(400);
    expect([...res.text].some((ch) => ch.charCodeAt(0) < 0x09)).toBe(false);
    expect(res.text).toContain('&lt;');
  });
});
