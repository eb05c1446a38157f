import type { Request, Response, Router } from 'express';
import { BodyCache, type Kernel, type RenderedBody, renderedBody, SimError } from '../../kernel/index.js';
import type { CdrContext } from '../data/context.js';
import { type CdrWindow, planWindow } from '../data/window.js';
import { loadZipWriter, streamCdrZip } from '../data/zip.js';
import type { ResolvedRprmOptions } from '../options.js';
import { type CdrExport, type CdrExports, entityTag } from '../state.js';
import { bodyLimit } from './body.js';
import { readWindow } from './dates.js';
import { type Negotiator, STATUS_TYPES_OFFERED, ZIP_TYPES_OFFERED } from './media.js';
import { billingStatus, renderStatus, sendStatus, statusMedia } from './status.js';

export const BASE = '/api/rest';
export const ZIP_NAME = 'cdrExport.zip';

interface RouteDeps {
  kernel: Kernel;
  options: ResolvedRprmOptions;
  cdr: CdrContext;
  exports: CdrExports;
  negotiator: Negotiator;
  /** The app's body limit (kernel option bodyLimitBytes). */
  bodyLimitBytes: number;
}

export function billingRoutes(router: Router, deps: RouteDeps): void {
  const { kernel, options, cdr, exports } = deps;
  const limitBody = bodyLimit(deps.bodyLimitBytes);
  const acceptOnly = (req: Request, types: readonly string[]) => {
    if (options.lenientAccept || deps.negotiator.accepts(req, types)) return;
    throw new SimError(
      406,
      `None of the media types in the Accept header can be produced; this resource answers ${types.join(', ')}.`,
      { code: 'NOT_ACCEPTABLE' },
    );
  };
  const plan = (req: Request): CdrWindow => {
    const { from, to } = readWindow(req.query as Record<string, unknown>, options.zone, kernel.clock.now());
    return planWindow(cdr, from, to, kernel.clock.now(), options.maxCdrRecords);
  };

  // Deprecated synchronous export: the same ZIP, streamed straight away, no job and no status.
  router.get(`${BASE}/billing`, limitBody, (req, res) => {
    acceptOnly(req, ZIP_TYPES_OFFERED);
    const window = plan(req);
    sendZip(req, res, deps, window);
  });

  router.post(`${BASE}/billing/generate-cdrs`, limitBody, (req, res) => {
    const window = plan(req);
    const statusUrl = `${baseUrl(req)}${BASE}/billing/status`;
    if (exports.running()) {
      exports.noteConflict();
      if (options.generateConflictStatus === 409) {
        throw new SimError(409, 'Another CDR is being generated. Only one CDR can be generated at a time.', {
          code: 'ANOTHER_CDR_IS_BEING_GENERATED',
        });
      }
      res.status(202).location(statusUrl).end();
      return;
    }
    exports.start(window);
    res.status(202).location(statusUrl).end();
    // While the export generates (seconds of simulated time), this simulator's row pools are
    // drawn, its CSV layouts read from the contract and the ZIP writer loaded, so the
    // download's first byte pays none of them. No rows are made and nothing is kept outside
    // this app (Node caches the module itself).
    setImmediate(() => {
      void cdr.pools;
      void cdr.layouts;
      loadZipWriter().catch(() => {});
    });
  });

  // A finished export is polled with the same answer until the next one starts: render it once
  // per (media type, host, downloading), kept with the export itself (a new export is a new
  // object, whatever ids a reset reuses). A running one changes with every poll.
  const finishedBodies = new WeakMap<CdrExport, BodyCache>();
  router.get(`${BASE}/billing/status`, limitBody, (req, res) => {
    acceptOnly(req, STATUS_TYPES_OFFERED);
    const view = exports.view(true);
    const media = statusMedia(req, deps.negotiator);
    const base = baseUrl(req);
    const render = () => {
      const speed = options.generation;
      return renderStatus(
        media,
        billingStatus(view, {
          baseUrl: base,
          zone: options.zone,
          conflict: view !== undefined && !view.job.terminal && exports.takeConflictNotice(),
          downloading: exports.downloading,
          unreachableClusters: options.unreachableClusters,
          pollsToFinish: 'polls' in speed ? speed.polls : undefined,
          timeScale: kernel.clock.scale,
        }),
      );
    };
    let body: RenderedBody;
    if (view?.job.terminal) {
      // A finished export's status changes only with the media type, the Host and downloads.
      let bodies = finishedBodies.get(view.export);
      if (!bodies) {
        bodies = new BodyCache(16);
        finishedBodies.set(view.export, bodies);
      }
      body = bodies.get(`${media} ${base}`, exports.downloading ? 'downloading' : 'idle', render);
    } else {
      body = renderedBody(render());
    }
    // "entityTag … MUST be applied to the HTTP ETag header" (plcm-billing-status).
    const tag = view ? entityTag(view.job) : undefined;
    if (tag) res.setHeader('ETag', tag);
    sendStatus(res, media, body);
  });

  router.get(`${BASE}/billing/download-cdrs`, limitBody, (req, res) => {
    acceptOnly(req, ZIP_TYPES_OFFERED);
    const view = exports.view();
    if (!view || (view.job.terminal && view.job.failed)) {
      throw new SimError(404, 'No generated CDR export is available. Start one with POST generate-cdrs.', {
        code: 'CDR_NOT_GENERATED',
      });
    }
    if (!view.job.terminal) {
      // The client waits in its own seconds: a scaled clock runs simulator time faster.
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((view.job.remainingMs ?? 1000) / 1000 / kernel.clock.scale),
      );
      throw new SimError(
        options.downloadWhileRunningStatus,
        'CDR generation is still running; download when the status reports it ready.',
        { code: 'CDR_GENERATION_RUNNING', retryAfterSeconds },
      );
    }
    const tag = entityTag(view.job)!;
    res.setHeader('ETag', tag);
    if (matchesTag(req.get('if-none-match'), tag)) {
      res.status(304).end();
      return;
    }
    const release = exports.downloadStarted();
    res.once('close', release);
    sendZip(req, res, deps, view.export.window);
  });

  methodNotAllowed(router);
}

/** The methods of each known resource; any other method → 405 with Allow (as JAX-RS answers). */
const METHODS: Record<string, string> = {
  [`${BASE}/billing`]: 'GET, HEAD',
  [`${BASE}/billing/generate-cdrs`]: 'POST',
  [`${BASE}/billing/status`]: 'GET, HEAD',
  [`${BASE}/billing/download-cdrs`]: 'GET, HEAD',
};

function methodNotAllowed(router: Router): void {
  for (const [path, allow] of Object.entries(METHODS)) {
    router.all(path, (req, res) => {
      res.setHeader('Allow', allow);
      throw new SimError(405, `${req.method} is not supported for ${path}; allowed: ${allow}.`, {
        code: 'method-not-allowed',
      });
    });
  }
}

function sendZip(req: Request, res: Response, deps: RouteDeps, window: CdrWindow): void {
  res.status(200);
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Disposition', `attachment; filename="${ZIP_NAME}"`);
  // HEAD shares the GET route; a body nobody receives must not be generated.
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const zip = streamCdrZip(deps.cdr, window, res, {
    countInterval: deps.options.callCountInterval,
    onRows: deps.options.onRows,
  });
  // A client that goes away must stop row generation, not just the socket writes.
  res.once('close', () => {
    if (!res.writableFinished) zip.abort();
  });
}

/** If-None-Match: `*`, or a list of tags compared weakly (W/ prefixes ignored). */
function matchesTag(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(tag);
}

function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
