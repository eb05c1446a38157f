import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Payload } from '../servers/payload.js';
import type { Context } from './context.js';
import { benchScript, freePort, ROOT, type StartSpec } from './proc.js';

/** How to start one server of the comparison, and the URL of the payload on it. */
export interface PeerSpec {
  name: string;
  /** Family, for the table: bare, express, prism, wiremock, billing-sim. */
  kind: string;
  start: Omit<StartSpec, 'cores'>;
  url: string;
}

export const PRISM_BIN = join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
export const WIREMOCK_JAR = join(ROOT, 'node_modules', 'wiremock', 'build', 'wiremock-standalone-3.13.2.jar');

/** A Node anchor server (bench/servers/<script>) answering the payload; its kind is the name's first word. */
export function nodePeer(
  name: string,
  script: string,
  payloadFile: string,
  env: Record<string, string> = {},
) {
  return {
    name,
    kind: name.split(' ')[0]!,
    start: {
      command: process.execPath,
      args: [benchScript(`servers/${script}`)],
      env: { BENCH_PAYLOAD_FILE: payloadFile, ...env },
    },
  };
}

/**
 * `prism mock` of our own contract. Settings: default (info logging of every request),
 * `--errors` (request/response violations become error responses), `-v silent` (its fastest
 * documented setting: logging off).
 */
export async function prismPeer(
  setting: 'default' | 'errors' | 'silent',
  contract: string,
  pathAndQuery: string,
  headers: Record<string, string>,
): Promise<PeerSpec> {
  const port = await freePort();
  const extra = setting === 'errors' ? ['--errors'] : setting === 'silent' ? ['-v', 'silent'] : [];
  const url = `http://127.0.0.1:${port}${pathAndQuery}`;
  return {
    name: setting === 'default' ? 'prism' : `prism ${setting === 'errors' ? '--errors' : '-v silent'}`,
    kind: 'prism',
    url,
    start: {
      command: process.execPath,
      args: [PRISM_BIN, 'mock', contract, '-h', '127.0.0.1', '-p', String(port), ...extra],
      readyUrl: { url, headers, anyStatus: true },
      timeoutMs: 60_000,
    },
  };
}

/**
 * WireMock standalone (the jar the npm package ships) with one stub answering the payload.
 * Default keeps its request journal (unbounded: every request is kept); `--no-request-journal`
 * plus `--disable-request-logging` is its documented setting for load tests.
 */
export async function wiremockPeer(
  ctx: Context,
  fast: boolean,
  payload: Payload,
  pathAndQuery: string,
): Promise<PeerSpec> {
  const port = await freePort();
  const root = join(ctx.tmp, `wiremock-${port}`);
  mkdirSync(join(root, 'mappings'), { recursive: true });
  mkdirSync(join(root, '__files'), { recursive: true });
  writeFileSync(
    join(root, 'mappings', 'payload.json'),
    JSON.stringify({
      request: { method: 'GET', urlPath: payload.path },
      response: {
        status: 200,
        headers: { 'Content-Type': payload.contentType },
        body: JSON.stringify(payload.body),
      },
    }),
  );
  const url = `http://127.0.0.1:${port}${pathAndQuery}`;
  return {
    name: fast ? 'wiremock --no-request-journal' : 'wiremock',
    kind: 'wiremock',
    url,
    start: {
      command: 'java',
      args: [
        '-jar',
        WIREMOCK_JAR,
        '--port',
        String(port),
        '--bind-address',
        '127.0.0.1',
        '--root-dir',
        root,
        '--disable-banner',
        ...(fast ? ['--no-request-journal', '--disable-request-logging'] : []),
      ],
      readyUrl: { url, anyStatus: true },
      timeoutMs: 60_000,
    },
  };
}
