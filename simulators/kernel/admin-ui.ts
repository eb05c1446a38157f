import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { contractsDir, packageRoot } from '../../contracts/files.js';
import { originOf, sendFile } from './admin-describe.js';
import type { Kernel, SimulatorPeer } from './kernel.js';

/** The dashboard's files: plain HTML, CSS and DOM script, no build step (simulators/kernel/dashboard/). */
const UI_ASSETS: Record<string, string> = {
  'dashboard.js': 'application/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};

function uiDir(): string {
  return join(packageRoot(), 'simulators', 'kernel', 'dashboard');
}

/** GET /ui and its two files: static, no data in them, so they need no admin token. */
export function uiPages(): Router {
  const r = express.Router();
  r.get('/ui', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    sendFile(res, join(uiDir(), 'index.html'), 'text/html; charset=utf-8');
  });
  r.get('/ui/:asset', (req, res) => {
    const type = Object.hasOwn(UI_ASSETS, req.params.asset) ? UI_ASSETS[req.params.asset] : undefined;
    if (!type) return void res.status(404).json({ error: `no dashboard file ${req.params.asset}` });
    sendFile(res, join(uiDir(), req.params.asset), type);
  });
  return r;
}

interface ContractHints {
  /** A GET path with no path or required query parameters, for a first curl line. */
  examplePath: string | undefined;
  /** A POST path that issues tokens (client-credentials grant), when the contract has one. */
  tokenPath: string | undefined;
}

/** GET /simulators: every simulator of this start, its banner, and curl lines with its demo credentials. */
export function simulatorsRoute(kernel: Kernel): Router {
  const r = express.Router();
  const hints = new Map<string, ContractHints>();
  r.get('/simulators', async (req, res, next) => {
    try {
      const peers: SimulatorPeer[] = kernel.peers.length
        ? kernel.peers
        : [
            {
              name: kernel.vendor,
              title: kernel.vendor,
              url: originOf(req),
              port: Number(req.socket.localPort ?? 0),
              tls: req.protocol === 'https',
              banner: [],
              credentials: undefined,
            },
          ];
      const simulators = [];
      for (const peer of peers) {
        let hint = hints.get(peer.name);
        if (!hint) {
          hint = await contractHints(peer.name);
          hints.set(peer.name, hint);
        }
        const { credentials: _credentials, ...shown } = peer;
        simulators.push({ ...shown, curl: curlLines(peer, hint) });
      }
      res.json({ current: kernel.vendor, simulators });
    } catch (e) {
      next(e);
    }
  });
  return r;
}

async function contractHints(vendor: string): Promise<ContractHints> {
  const file = join(contractsDir(), `${vendor}.openapi.yaml`);
  if (!existsSync(file)) return { examplePath: undefined, tokenPath: undefined };
  const { parse } = await import('yaml');
  const doc = parse(readFileSync(file, 'utf8')) as {
    paths?: Record<string, Record<string, { parameters?: { required?: boolean; $ref?: string }[] }>>;
    components?: { parameters?: Record<string, { required?: boolean }> };
  };
  const param = (p: { required?: boolean; $ref?: string }) =>
    p.$ref ? doc.components?.parameters?.[p.$ref.split('/').pop() ?? ''] : p;
  let examplePath: string | undefined;
  let tokenPath: string | undefined;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!tokenPath && item.post && /oauth|token/i.test(path)) tokenPath = path;
    if (examplePath || !item.get || path.includes('{') || /oauth|token|download/i.test(path)) continue;
    if (!(item.get.parameters ?? []).some((p) => param(p)?.required)) examplePath = path;
  }
  return { examplePath, tokenPath };
}

/** Curl lines from the demo credentials' shape: client id/secret, bearer tokens, user/password. */
function curlLines(peer: SimulatorPeer, hint: ContractHints): string[] {
  const k = peer.tls ? ' -k' : '';
  const target = `${peer.url}${hint.examplePath ?? '/'}`;
  const lines = [`curl${k} ${peer.url}/_sim/health`];
  const seen = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || lines.length >= 6 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const o = value as Record<string, unknown>;
    const add = (line: string) => {
      if (!seen.has(line) && lines.length < 6) {
        seen.add(line);
        lines.push(line);
      }
    };
    if (typeof o.clientId === 'string' && typeof o.clientSecret === 'string' && hint.tokenPath) {
      add(
        `curl${k} -u '${o.clientId}:${o.clientSecret}' -d grant_type=client_credentials ${peer.url}${hint.tokenPath}`,
      );
      add(`curl${k} -H 'Authorization: Bearer <access_token from the line above>' ${target}`);
      return;
    }
    if (typeof o.token === 'string') {
      add(`curl${k} -H 'Authorization: Bearer ${o.token}' ${target}`);
      return;
    }
    if (typeof o.username === 'string' && typeof o.password === 'string') {
      add(`curl${k} -u '${o.username}:${o.password}' ${target}`);
      return;
    }
    for (const v of Object.values(o)) visit(v, depth + 1);
  };
  visit(peer.credentials, 0);
  return lines;
}
