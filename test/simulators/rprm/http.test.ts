import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { serve } from '../../../simulators/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, binary, makeApp } from './support.js';

const guard = contractGuard();

async function finishedExport(options = {}) {
  const made = makeApp(guard, options);
  await made.agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
  made.clock.advance(60_000);
  return made;
}

describe('HTTP as the appliance (JAX-RS) answers', () => {
  it('the status resource carries the entityTag as its ETag header once the export is ready', async () => {
    const { agent, clock } = makeApp(guard);
    const none = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(none.headers.etag).toBeUndefined();
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    const running = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(running.headers.etag).toBeUndefined();
    clock.advance(60_000);
    for (const accept of ['application/vnd.plcm.plcm-billing-status+json', 'application/xml']) {
      const ready = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN).set('Accept', accept);
      expect(ready.status).toBe(200);
      expect(ready.headers.etag).toMatch(/^"\d+"$/);
      const download = await agent.head(`${BILLING}/download-cdrs`).set('Authorization', ADMIN);
      if (accept.includes('json')) expect(ready.body.entityTag).toBe(ready.headers.etag);
      else
        expect(ready.text).toContain(
          `<entity-tag>${String(ready.headers.etag).replaceAll('"', '&quot;')}</entity-tag>`,
        );
      expect(download.headers.etag).toBe(ready.headers.etag);
    }
  });

  it.each([
    ['put', `${BILLING}/status`, 'GET, HEAD'],
    ['delete', `${BILLING}/download-cdrs`, 'GET, HEAD'],
    ['get', `${BILLING}/generate-cdrs`, 'POST'],
    ['post', BILLING, 'GET, HEAD'],
    ['patch', `${BILLING}/generate-cdrs`, 'POST'],
    ['options', `${BILLING}/status`, 'GET, HEAD'],
  ] as const)('%s %s → 405 plcm-error with Allow: %s, nothing started', async (method, path, allow) => {
    const { agent } = makeApp(guard);
    const res = await agent[method](path).set('Authorization', ADMIN);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-error\+json/);
    expect(res.body).toMatchObject({ statusCode: 405, localizationKey: 'error.method.not.allowed' });
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.statusType).toBe('NOT_STARTED');
  });

  it('an unknown path stays 404, and a wrong method without credentials is 401 first', async () => {
    const { agent } = makeApp(guard);
    expect((await agent.put(`${BILLING}/nothing`).set('Authorization', ADMIN)).status).toBe(404);
    const anonymous = await agent.put(`${BILLING}/status`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.allow).toBeUndefined();
  });

  it.each([
    ['status', `${BILLING}/status`, 'text/csv'],
    ['status', `${BILLING}/status`, 'application/zip'],
    ['download-cdrs', `${BILLING}/download-cdrs`, 'application/json'],
    ['deprecated export', BILLING, 'text/html'],
  ])('%s with Accept: %s → 406 plcm-error', async (_label, path, accept) => {
    const { agent } = await finishedExport();
    const res = await agent.get(path).set('Authorization', ADMIN).set('Accept', accept);
    expect(res.status).toBe(406);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-error\+json/);
    expect(res.body).toMatchObject({ statusCode: 406, localizationKey: 'error.media.type.not.acceptable' });
  });

  it('acceptable Accept values are served: wildcards, q-values, the vendor types', async () => {
    const { agent } = await finishedExport();
    for (const accept of [
      '*/*',
      'application/*',
      'text/csv;q=0.9, application/json;q=0.1',
      'application/vnd.plcm.plcm-billing-status+xml',
    ]) {
      const res = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN).set('Accept', accept);
      expect(res.status, accept).toBe(200);
    }
    const zip = await agent
      .get(`${BILLING}/download-cdrs`)
      .set('Authorization', ADMIN)
      .set('Accept', 'application/zip, application/vnd.plcm.plcm-error+json')
      .buffer(true)
      .parse(binary);
    expect(zip.status).toBe(200);
  });

  it('lenientAccept answers the usual representation whatever Accept says', async () => {
    const { agent } = await finishedExport({ lenientAccept: true });
    const res = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN).set('Accept', 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-billing-status\+json/);
  });
});

describe('request bodies: the limit whatever the framing, UTF-8 JSON', () => {
  async function exportState(agent: ReturnType<typeof makeApp>['agent']) {
    const s = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    return { statusType: s.body.statusType, entityTag: s.body.entityTag, creationTime: s.body.creationTime };
  }

  /** A POST with a chunked body (no Content-Length), over a real socket. */
  function chunkedPost(
    url: string,
    type: string,
    chunks: Buffer[],
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        url,
        {
          method: 'POST',
          headers: { Authorization: ADMIN, 'Content-Type': type, 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => {
            body += c;
          });
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', (e) =>
        e.message.includes('EPIPE') || e.message.includes('ECONNRESET') ? undefined : reject(e),
      );
      for (const c of chunks) req.write(c);
      req.end();
    });
  }

  it.each(['application/octet-stream', 'application/json', 'text/plain'])(
    'a 10 MB chunked %s body → 413, and the finished export is untouched',
    async (type) => {
      const { app, agent } = await finishedExport();
      const before = await exportState(agent);
      expect(before.statusType).toBe('GENERATION_COMPLETE');
      const server = await serve(app);
      try {
        const chunk = Buffer.alloc(1 << 20, type === 'application/json' ? ' ' : 'x');
        const res = await chunkedPost(`${server.url}${BILLING}/generate-cdrs`, type, Array(10).fill(chunk));
        expect(res.status).toBe(413);
        expect(JSON.parse(res.body)).toMatchObject({
          statusCode: 413,
          localizationKey: 'error.request.too.large',
        });
      } finally {
        await server.close();
      }
      expect(await exportState(agent)).toEqual(before);
    },
  );

  it('the same body with Content-Length is 413 too; a small chunked body is read and ignored', async () => {
    const { app, agent } = await finishedExport();
    const before = await exportState(agent);
    const big = await agent
      .post(`${BILLING}/generate-cdrs`)
      .set('Authorization', ADMIN)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.alloc(100_000));
    expect(big.status).toBe(413);
    expect(await exportState(agent)).toEqual(before);
    const server = await serve(app);
    try {
      const small = await chunkedPost(`${server.url}${BILLING}/generate-cdrs`, 'text/plain', [
        Buffer.from('hello'),
      ]);
      expect(small.status).toBe(202);
    } finally {
      await server.close();
    }
  });

  it('a JSON body with invalid UTF-8 → 400 plcm-error, nothing started', async () => {
    const { app, agent } = await finishedExport();
    const before = await exportState(agent);
    const server = await serve(app);
    try {
      // {"a":"\xff\xfe"}: well-formed JSON around bytes that are not UTF-8.
      const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
      for (const type of ['application/json', 'application/json; charset=utf-8']) {
        const res = await chunkedPost(`${server.url}${BILLING}/generate-cdrs`, type, [bytes]);
        expect(res.status, type).toBe(400);
        const body = JSON.parse(res.body);
        expect(body).toMatchObject({ statusCode: 400 });
        expect(body.description).toMatch(/UTF-8/);
      }
    } finally {
      await server.close();
    }
    expect(await exportState(agent)).toEqual(before);
  });
});

describe('reset', () => {
  it('POST /_sim/reset clears the export, a refused-generate notice and the download in progress', async () => {
    const { agent, app } = await finishedExport();
    const server = await serve(app);
    try {
      // A download that never gets read: the status says DOWNLOADING while it is open.
      const req = httpRequest(`${server.url}${BILLING}/download-cdrs`, { headers: { Authorization: ADMIN } });
      const opened = new Promise<void>((resolve) => req.on('response', () => resolve()));
      req.on('error', () => {});
      req.end();
      await opened;
      const downloading = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
      expect(downloading.body.actionType).toBe('DOWNLOADING');
      await agent.post('/_sim/reset').expect((r) => expect(r.status).toBeLessThan(300));
      const after = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
      expect(after.body).toMatchObject({
        statusType: 'NOT_STARTED',
        actionType: 'NOT_STARTED',
        downloadReady: false,
      });
      req.destroy();
    } finally {
      await server.close();
    }
  });
});

describe('determinism of the export', () => {
  it('regenerating a past window later gives the same CSV and ZIP bytes; the ETag is the generation instant', async () => {
    const { agent, clock } = makeApp(guard);
    const q = { 'from-date': '2026-03-10T00:00:00', 'to-date': '2026-03-11T00:00:00' };
    const once = async () => {
      await agent.post(`${BILLING}/generate-cdrs`).query(q).set('Authorization', ADMIN).expect(202);
      clock.advance(60_000);
      const res = await agent
        .get(`${BILLING}/download-cdrs`)
        .set('Authorization', ADMIN)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      return { zip: res.body as Buffer, etag: res.headers.etag };
    };
    const first = await once();
    clock.advance(5 * 86_400_000 + 12_345);
    const second = await once();
    expect(second.etag).not.toBe(first.etag);
    expect(Buffer.compare(second.zip, first.zip)).toBe(0);
    // The deprecated synchronous export of the same window: the same bytes again.
    const sync = await agent.get(BILLING).query(q).set('Authorization', ADMIN).buffer(true).parse(binary);
    expect(Buffer.compare(sync.body as Buffer, first.zip)).toBe(0);
  });
});
