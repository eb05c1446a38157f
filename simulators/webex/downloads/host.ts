import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { applyFault } from '../../kernel/fault-middleware.js';
import { type FaultEffect, FaultRuleError, parseFaultHeader } from '../../kernel/faults.js';
import { type Rng, SimError } from '../../kernel/index.js';
import { broadworksRows, csvChunks, wholesaleRows } from '../data/csv.js';
import type { ReportData, WebexState } from '../state.js';
import { type CdnRefusal, matchFile } from './signer.js';

/**
 * The host behind `tempDownloadURL`, on its own listener: it answers like the CloudFront
 * distribution Webex uses (`billing-reports-int-us-east-1.webexcontent.com`) — signed-URL
 * refusals as CloudFront's 403 XML, a deleted file as S3's 404 NoSuchKey, objects with
 * Content-Length, ETag, Last-Modified and byte ranges — and nothing of the Webex API: no
 * TrackingID, no bearer token, no JSON envelope [C: URL shape; R: behaviour].
 */
export function downloadHostHandler(state: WebexState): RequestListener {
  // Seeded, drawn in request order: same seed and requests → same ids (kept by state snapshots).
  const cfIds = state.cdnIds;
  return (req, res) => {
    try {
      const effect = faultOf(state, req);
      if (effect instanceof SimError) {
        xmlError(state, cfIds, res, 400, 'InvalidArgument', effect.message);
        return;
      }
      if (!effect) {
        serve(state, cfIds, req, res);
        return;
      }
      // The kernel's fault rules reach the download host too (same store, same admin API).
      const outcome = applyFault(state.kernel, req as Request, res as unknown as Response, effect);
      const proceed = (result: SimError | 'dropped' | undefined) => {
        if (result === 'dropped') return;
        if (result) {
          if (result.retryAfterSeconds !== undefined)
            res.setHeader('Retry-After', String(result.retryAfterSeconds));
          const [code, message] = FAULT_CODES[result.status] ?? ['ServiceError', result.message];
          xmlError(state, cfIds, res, result.status, code, message);
        } else serve(state, cfIds, req, res);
      };
      if (outcome instanceof Promise) void outcome.then(proceed);
      else proceed(outcome);
    } catch (e) {
      if (res.headersSent) res.destroy();
      else
        xmlError(
          state,
          cfIds,
          res,
          500,
          'InternalError',
          `We encountered an internal error: ${(e as Error).message}`,
        );
    }
  };
}

/** The length and ETag of a file, computed once per report by a pass over its bytes. */
export interface FileMeta {
  length: number;
  etag: string;
}

/** What an injected status looks like coming from CloudFront/S3. */
const FAULT_CODES: Record<number, [string, string]> = {
  403: ['AccessDenied', 'Access denied'],
  404: ['NoSuchKey', 'The specified key does not exist.'],
  500: ['InternalError', 'We encountered an internal error. Please try again.'],
  503: ['SlowDown', 'Please reduce your request rate.'],
};

function faultOf(state: WebexState, req: IncomingMessage): FaultEffect | SimError | undefined {
  const header = req.headers['x-sim-fault'];
  try {
    const fromHeader = parseFaultHeader(Array.isArray(header) ? header[0] : header);
    if (fromHeader) return fromHeader;
  } catch (e) {
    if (e instanceof FaultRuleError) return new SimError(400, e.message);
    throw e;
  }
  if (state.kernel.faults.size === 0) return undefined;
  const path = new URL(req.url ?? '/', 'http://download.invalid').pathname;
  const hit = state.kernel.faults.take({
    method: req.method ?? 'GET',
    path,
    tenant: undefined,
    token: undefined,
    header: (name) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    },
  });
  return hit?.effect;
}

const REFUSALS: Record<CdnRefusal, [code: string, message: string]> = {
  'missing-key': ['MissingKey', 'Missing Key-Pair-Id query parameter or cookie value'],
  'unknown-key': ['InvalidKey', 'Unknown Key'],
  'access-denied': ['AccessDenied', 'Access denied'],
};

function serve(state: WebexState, cfIds: Rng, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://download.invalid');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    xmlError(
      state,
      cfIds,
      res,
      405,
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
    );
    return;
  }
  const file = matchFile(url.pathname);
  const now = state.kernel.clock.now();
  // CloudFront checks the signature before it asks the origin anything.
  const refusal =
    !file || file.prefix !== state.downloadPrefix()
      ? signatureOnly(state, url)
      : state.signer.verify(file.objectPath, url.searchParams, now);
  if (refusal) {
    const [code, message] = REFUSALS[refusal];
    xmlError(state, cfIds, res, 403, code, message);
    return;
  }
  const job = file ? state.reportByFile(file.fileUuid) : undefined;
  if (!file || !job || job.data.partnerOrgUuid !== file.orgUuid || job.state !== 'COMPLETED') {
    xmlError(
      state,
      cfIds,
      res,
      404,
      'NoSuchKey',
      'The specified key does not exist.',
      file?.objectPath.slice(1),
    );
    return;
  }
  const rows = () => rowsOf(state, job.data);
  const meta = state.fileMeta(job.id, () => measure(rows()));
  cdnHeaders(state, cfIds, res, 'Miss from cloudfront');
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileUuid}.csv"`);
  res.setHeader('Last-Modified', new Date(job.finishedAt ?? job.createdAt).toUTCString());
  res.setHeader('ETag', meta.etag);
  res.setHeader('Accept-Ranges', 'bytes');
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch?.split(',').some((t) => t.trim() === meta.etag || t.trim() === '*')) {
    res.statusCode = 304;
    res.removeHeader('Content-Type');
    res.end();
    return;
  }
  const range = parseRange(req.headers.range, meta.length);
  if (range === 'unsatisfiable') {
    res.removeHeader('Content-Disposition');
    res.removeHeader('Last-Modified');
    res.removeHeader('ETag');
    res.removeHeader('Accept-Ranges');
    res.setHeader('Content-Range', `bytes */${meta.length}`);
    xmlError(state, cfIds, res, 416, 'InvalidRange', 'The requested range is not satisfiable');
    return;
  }
  const [start, end] = range ?? [0, meta.length - 1];
  res.statusCode = range ? 206 : 200;
  if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${meta.length}`);
  res.setHeader('Content-Length', String(meta.length === 0 ? 0 : end - start + 1));
  if (req.method === 'HEAD' || meta.length === 0) {
    res.end();
    return;
  }
  void pipeline(Readable.from(slice(csvChunks(rows()), start, end)), res).catch(() => {
    // The client went away or the socket broke: the generator stopped with the stream.
    if (!res.destroyed) res.destroy();
  });
}

/** A URL that names no file can still fail its signature first; otherwise it is a 404 later. */
function signatureOnly(state: WebexState, url: URL): CdnRefusal | undefined {
  const keyPair = url.searchParams.get('Key-Pair-Id');
  if (keyPair === null || keyPair === '') return 'missing-key';
  if (keyPair !== state.signer.keyPairId) return 'unknown-key';
  return 'access-denied';
}

function rowsOf(state: WebexState, data: ReportData): Iterable<string[]> {
  const partner = state.partner(data.partnerOrgUuid);
  if (!partner) return [];
  const ds = state.dataset(partner);
  if (data.family === 'broadworks') return broadworksRows(ds, data.year, data.month);
  return wholesaleRows(ds, {
    start: data.start,
    end: data.end,
    type: data.type,
    subPartnerOrgUuid: data.subPartnerOrgUuid,
    internal: data.internal,
  });
}

/** S3's ETag of a single-part object: the quoted MD5 of its bytes. */
function measure(rows: Iterable<string[]>): FileMeta {
  const md5 = createHash('md5');
  let length = 0;
  for (const chunk of csvChunks(rows)) {
    md5.update(chunk);
    length += chunk.length;
  }
  return { length, etag: `"${md5.digest('hex')}"` };
}

/** One `bytes=` range (RFC 9110): `a-b`, `a-`, `-n`. Several ranges or a malformed header: the whole file. */
export function parseRange(
  header: string | undefined,
  length: number,
): [number, number] | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || length === 0) return 'unsatisfiable';
    return [Math.max(0, length - suffix), length - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? length - 1 : Math.min(Number(m[2]), length - 1);
  if (start >= length) return 'unsatisfiable';
  if (end < start) return undefined;
  return [start, end];
}

function* slice(chunks: Iterable<Buffer>, start: number, end: number): Generator<Buffer> {
  let offset = 0;
  for (const chunk of chunks) {
    const next = offset + chunk.length;
    if (next > start) {
      const from = Math.max(0, start - offset);
      const to = Math.min(chunk.length, end - offset + 1);
      if (to > from) yield from === 0 && to === chunk.length ? chunk : chunk.subarray(from, to);
    }
    offset = next;
    if (offset > end) return;
  }
}

function cdnHeaders(state: WebexState, cfIds: Rng, res: ServerResponse, cache: string): void {
  res.setHeader('Date', new Date(state.kernel.clock.now()).toUTCString());
  res.setHeader('Server', 'AmazonS3');
  res.setHeader('X-Cache', cache);
  res.setHeader('Via', '1.1 billing-sim.cloudfront.net (CloudFront)');
  res.setHeader('X-Amz-Cf-Pop', 'IAD89-C1');
  res.setHeader('X-Amz-Cf-Id', cfId(cfIds));
}

/** 56 characters of CloudFront's request-id alphabet. */
function cfId(rng: Rng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '';
  for (let i = 0; i < 54; i++) id += alphabet[rng.int(0, 63)];
  return `${id}==`;
}

function xmlError(
  state: WebexState,
  cfIds: Rng,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  key?: string,
): void {
  cdnHeaders(state, cfIds, res, 'Error from cloudfront');
  if (status === 403) res.setHeader('Server', 'CloudFront');
  const text =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
    `${key ? `<Key>${escapeXml(key)}</Key>` : ''}</Error>`;
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/xml');
  res.setHeader('Content-Length', String(Buffer.byteLength(text)));
  res.end(text);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
