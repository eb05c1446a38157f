import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { contractsDir } from '../../contracts/files.js';
import type { Kernel } from './kernel.js';
import { packageInfo } from './version.js';

/** Swagger UI files /_sim/docs serves from the swagger-ui-dist package (nothing else of it). */
const DOCS_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const ADMIN_TAG = 'billing-sim admin';

/**
 * The simulator describes itself: GET /openapi.json (its vendor's contract plus the admin API,
 * as JSON) and GET /version; docsPages serves Swagger UI over it (swagger-ui-dist, offline). Contracts are read and merged on first request, then kept by this router.
 */
export function describeRoutes(kernel: Kernel): Router {
  const r = express.Router();
  let merged: Record<string, unknown> | undefined;

  r.get('/openapi.json', async (req, res, next) => {
    try {
      merged ??= await mergedContract(kernel.vendor);
      res.json({
        ...merged,
        servers: [
          { url: originOf(req), description: 'this simulator' },
          ...((merged.servers as unknown[] | undefined) ?? []),
        ],
      });
    } catch (e) {
      next(e);
    }
  });

  r.get('/version', (_req, res) => {
    const { name, version } = packageInfo();
    res.json({ name, version, vendor: kernel.vendor, node: process.version });
  });

  return r;
}

/** GET /docs and its Swagger UI files: static, no data in them, so they need no admin token. */
export function docsPages(vendor: string): Router {
  const r = express.Router();
  let docsDir: string | undefined;
  r.get('/docs', (_req, res) => {
    res.type('text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(docsPage(vendor));
  });
  r.get('/docs/:asset', (req, res) => {
    const type = Object.hasOwn(DOCS_ASSETS, req.params.asset) ? DOCS_ASSETS[req.params.asset] : undefined;
    if (!type) return void res.status(404).json({ error: `no docs asset ${req.params.asset}` });
    docsDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    sendFile(res, join(docsDir, req.params.asset), type);
  });
  return r;
}

export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

/** Streams a shipped file with its type and length; the files never change while serving. */
export function sendFile(res: Response, file: string, type: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', String(statSync(file).size));
  res.setHeader('Cache-Control', 'public, max-age=3600');
  createReadStream(file).pipe(res);
}

/** The vendor's contract with the admin API's paths added (tagged) and its components prefixed `Sim`. */
async function mergedContract(vendor: string): Promise<Record<string, unknown>> {
  const { parse } = await import('yaml');
  const read = (name: string) =>
    parse(readFileSync(join(contractsDir(), `${name}.openapi.yaml`), 'utf8')) as Record<string, unknown>;
  const sim = renameRefs(read('sim')) as Record<string, Record<string, Record<string, unknown>>>;
  const vendorFile = join(contractsDir(), `${vendor}.openapi.yaml`);
  const base: Record<string, unknown> = existsSync(vendorFile)
    ? read(vendor)
    : { openapi: '3.1.0', info: { title: `${vendor} simulator`, version: packageInfo().version } };
  const paths = { ...((base.paths as object | undefined) ?? {}) } as Record<string, unknown>;
  for (const [path, item] of Object.entries(sim.paths ?? {})) {
    const tagged: Record<string, unknown> = {};
    for (const [method, op] of Object.entries(item)) {
      tagged[method] =
        op && typeof op === 'object' && 'responses' in op ? { tags: [ADMIN_TAG], ...(op as object) } : op;
    }
    paths[path] = tagged;
  }
  const components = { ...((base.components as object | undefined) ?? {}) } as Record<
    string,
    Record<string, unknown>
  >;
  for (const [kind, entries] of Object.entries(sim.components ?? {})) {
    components[kind] = { ...(components[kind] ?? {}) };
    for (const [name, value] of Object.entries(entries)) components[kind][`Sim${name}`] = value;
  }
  const tags = [
    ...((base.tags as unknown[] | undefined) ?? []),
    { name: ADMIN_TAG, description: (sim.info as { description?: unknown } | undefined)?.description },
  ];
  return { ...base, tags, paths, components };
}

function renameRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameRefs);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      k === '$ref' && typeof v === 'string'
        ? v.replace(/^#\/components\/(\w+)\//, '#/components/$1/Sim')
        : renameRefs(v);
  }
  return out;
}

function docsPage(vendor: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>billing-sim · ${vendor} API</title>
<link rel="icon" href="/_sim/docs/favicon-32x32.png">
<link rel="stylesheet" href="/_sim/docs/swagger-ui.css">
</head>
<body>
<p style="font-family: sans-serif; margin: 8px 20px"><a href="/_sim/ui">← billing-sim dashboard</a></p>
<div id="swagger-ui"></div>
<script src="/_sim/docs/swagger-ui-bundle.js"></script>
<script>
  // validatorUrl null: Swagger UI would otherwise send the contract to an online validator.
  window.ui = SwaggerUIBundle({
    url: '/_sim/openapi.json',
    dom_id: '#swagger-ui',
    validatorUrl: null,
    deepLinking: true,
    requestInterceptor: function (req) {
      var token = sessionStorage.getItem('billing-sim-admin-token');
      if (token && req.url.indexOf('/_sim/') >= 0) req.headers['X-Sim-Admin-Token'] = token;
      return req;
    },
  });
</script>
</body>
</html>
`;
}
