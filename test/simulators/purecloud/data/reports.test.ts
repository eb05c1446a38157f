import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { KEPT_BODY_BYTES, RenderBuffer } from '../../../../simulators/purecloud/data/reports.js';
import type { PureCloudOrg } from '../../../../simulators/purecloud/options.js';
import { contractGuard } from '../../../support/contract-guard.js';
import { login, makeApp } from '../helpers.js';

const guard = contractGuard();

describe('purecloud render buffer', () => {
  it('lends its one buffer to one response at a time, and again once that one is done', () => {
    const buffers = new RenderBuffer(1000);
    const a = buffers.take(300);
    expect(a.buffer.length).toBe(300);
    const b = buffers.take(200); // a still in use: a buffer of its own
    expect(b.buffer.buffer).not.toBe(a.buffer.buffer);
    b.done();
    a.done();
    const c = buffers.take(250);
    expect(c.buffer.buffer).toBe(a.buffer.buffer);
    expect(c.buffer.length).toBe(250);
    c.done();
    expect(buffers.bytes).toBeLessThanOrEqual(1000);
  });

  it('never lends more than its bound, and a buffer dropped by clear() is never lent again', () => {
    const buffers = new RenderBuffer(1000);
    const big = buffers.take(5000);
    expect(big.buffer.length).toBe(5000);
    expect(buffers.bytes).toBe(0);
    const a = buffers.take(100);
    buffers.clear();
    const b = buffers.take(100);
    expect(b.buffer.buffer).not.toBe(a.buffer.buffer);
    a.done(); // the old user finishing must not free the new buffer
    expect(buffers.take(100).buffer.buffer).not.toBe(b.buffer.buffer);
  });
});

describe('purecloud large billable-usage bodies', () => {
  const org: PureCloudOrg = {
    id: '00000000-0000-4000-8000-0000000000c1',
    name: 'Large Bodies',
    users: 900,
    devices: 3,
    contracts: 2,
    clients: [
      {
        clientId: 'big',
        clientSecret: 'big-secret',
        name: 'big',
        permissions: ['billing:subscription:read'],
      },
    ],
  };
  const ranges = [
    ['2024-01-01T00:00:00Z', '2025-06-30T23:59:59Z'],
    ['2024-03-01T00:00:00Z', '2025-12-31T23:59:59Z'],
    ['2024-02-10T12:00:00Z', '2025-03-01T00:00:00Z'],
  ];
  const get = (app: ReturnType<typeof makeApp>, bearer: string, [startDate, endDate]: string[]) =>
    request(app)
      .get('/api/v2/billing/reports/billableusage')
      .query({ startDate, endDate })
      .set('Authorization', bearer)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('asked at the same time, each gets its own bytes, equal to the same asks one after the other', async () => {
    const options = { orgs: [org], generation: { ms: 0 } };
    const one = makeApp(guard, options);
    const bearerOne = await login(one, 'big');
    const sequential: Buffer[] = [];
    for (const r of ranges) sequential.push((await get(one, bearerOne, r)).body as Buffer);
    for (const body of sequential) expect(body.length).toBeGreaterThan(KEPT_BODY_BYTES);

    const other = makeApp(guard, options);
    const bearer = await login(other, 'big');
    const concurrent = await Promise.all(ranges.map((r) => get(other, bearer, r)));
    concurrent.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(Number(res.headers['content-length'])).toBe(sequential[i]!.length);
      expect((res.body as Buffer).equals(sequential[i]!)).toBe(true);
    });
    // Asked again (rendered again into the shared buffer): the same bytes.
    for (const [i, r] of ranges.entries())
      expect(((await get(other, bearer, r)).body as Buffer).equals(sequential[i]!)).toBe(true);
  });
});
