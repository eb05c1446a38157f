/** The ceiling: Node's http module answering the payload, serialised per request as a handler would. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announce, exitOnSignal, readPayload } from './payload.js';

const payload = readPayload();
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url?.split('?')[0] === payload.path) {
    const body = JSON.stringify(payload.body);
    res.writeHead(200, { 'Content-Type': payload.contentType, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  res.writeHead(404).end();
});
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  announce({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
exitOnSignal(() => new Promise((r) => server.close(r)));
