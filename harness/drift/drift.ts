import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { type ContractSet, type CsvContracts, contracts, csvContracts } from '../../contracts/index.js';
import { type OpenApiDocument, type ResponseObject, resolveRef } from '../../contracts/openapi.js';
import type { Har, HarEntry } from '../record/har.js';
import { HAR_FILE } from '../record/recorder.js';
import { SpooledZip } from '../validation/zip.js';
import { walk } from './schema-walk.js';

export type DriftKind =
  | 'operation'
  | 'status'
  | 'header'
  | 'required-header'
  | 'content-type'
  | 'field'
  | 'required'
  | 'enum'
  | 'type'
  | 'csv-contract'
  | 'csv-column'
  | 'csv-missing-column';

/** One way the recorded traffic differs from the contract, with how often it was seen. */
export interface DriftItem {
  kind: DriftKind;
  vendor: string;
  /** `GET /api/v2/billing/contracts 200`, or a CSV file name for CSV drift. */
  where: string;
  /** JSON path (`$.entities[].status`), `header:<name>`, or a CSV column. */
  path: string;
  message: string;
  /** Exchanges (or files) that showed it. */
  seen: number;
  /** Up to five distinct values (enum and type drift). */
  values?: string[];
  /** The contract rule is one the project added (x-simulator-only), not the vendor's own. */
  simulatorOnly?: boolean;
}

export interface DriftReport {
  recording: string;
  exchanges: number;
  /** Exchanges compared (the rest had no complete answer: refused, reset, cut off). */
  compared: number;
  files: number;
  drift: DriftItem[];
}

/** Headers every HTTP stack adds; contracts need not declare them (as in the validators). */
const TRANSPORT_HEADERS = new Set([
  'content-type',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/**
 * Compares a `--record` folder with the contracts: what the server did that the contract does
 * not say (statuses, headers, fields, enum values, types, CSV columns) and what the contract
 * requires that never appeared. Against a real vendor this shows where a reconstructed
 * contract is wrong; against the simulator it must find nothing.
 */
export async function compareRecording(
  dir: string,
  options: { contracts?: ContractSet; csv?: CsvContracts } = {},
): Promise<DriftReport> {
  const set = options.contracts ?? contracts();
  const csv = options.csv ?? csvContracts();
  const har = JSON.parse(await readFile(join(dir, HAR_FILE), 'utf8')) as Har;
  const drift = new DriftCollector();
  /** (vendor op status path) → required fields and fields seen there. */
  const objects = new Map<
    string,
    {
      vendor: string;
      where: string;
      path: string;
      required: Set<string>;
      seen: Set<string>;
      simulatorOnly: boolean;
    }
  >();
  const requiredHeaders = new Map<string, { vendor: string; where: string; name: string; seen: boolean }>();
  let compared = 0;
  let files = 0;

  for (const entry of har.log.entries) {
    if (!entry.response.status || entry._error) continue;
    compared++;
    const { pathname } = new URL(entry.request.url);
    const vendor =
      entry._vendor ?? set.vendorNames().find((v) => set.findOperation(v, entry.request.method, pathname));
    if (!vendor || !set.vendorNames().includes(vendor)) continue;
    const doc = set.document(vendor);
    const method = entry.request.method.toUpperCase();
    const found = set.findOperation(vendor, method, pathname);
    if (!found) {
      drift.add({
        kind: 'operation',
        vendor,
        where: `${method} ${pathname}`,
        path: 'operation',
        message: 'operation not in the contract',
      });
      continue;
    }
    const status = entry.response.status;
    const op = `${method} ${found.template}`;
    const where = `${op} ${status}`;
    const responses = found.operation.responses ?? {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) {
      drift.add({
        kind: 'status',
        vendor,
        where: op,
        path: 'status',
        message: `status ${status} is not declared`,
      });
      continue;
    }
    const response = resolveRef(doc, responses[key] as ResponseObject);
    const headers = new Map(entry.response.headers.map((h) => [h.name.toLowerCase(), h.value]));
    const declared = new Map(
      Object.entries(response.headers ?? {}).map(([n, h]) => [n.toLowerCase(), resolveRef(doc, h)]),
    );
    for (const name of headers.keys())
      if (!declared.has(name) && !TRANSPORT_HEADERS.has(name))
        drift.add({
          kind: 'header',
          vendor,
          where,
          path: `header:${name}`,
          message: 'header seen that the contract lacks',
        });
    for (const [name, h] of declared) {
      if (!h.required) continue;
      const k = `${vendor} ${where} ${name}`;
      const r = requiredHeaders.get(k) ?? { vendor, where, name, seen: false };
      r.seen ||= headers.has(name);
      requiredHeaders.set(k, r);
    }
    const mediaType = (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const content = response.content ?? {};
    if (!mediaType) continue;
    const media = Object.keys(content).find((k) => mediaMatches(k.toLowerCase(), mediaType));
    if (!media) {
      if (Object.keys(content).length || entry.response.content.size)
        drift.add({
          kind: 'content-type',
          vendor,
          where,
          path: 'content-type',
          message: `${mediaType} is not declared (declared: ${Object.keys(content).join(', ') || 'no body'})`,
          values: [mediaType],
        });
      continue;
    }
    if (entry.response.content._file) {
      files++;
      for (const table of await csvHeaders(join(dir, entry.response.content._file), mediaType))
        compareCsv(drift, csv, vendor, table.name, table.header);
      continue;
    }
    const schema = content[media]?.schema;
    if (!schema || !/json/.test(mediaType)) continue;
    const body = bodyText(entry);
    if (body === undefined) continue;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      drift.add({ kind: 'type', vendor, where, path: '$', message: 'body is not valid JSON' });
      continue;
    }
    walkBody(doc, schema, value, vendor, where, drift, objects);
  }

  for (const o of objects.values())
    for (const field of o.required)
      if (!o.seen.has(field))
        drift.add({
          kind: 'required',
          vendor: o.vendor,
          where: o.where,
          path: `${o.path}.${field}`,
          message: 'required by the contract, never seen',
          ...(o.simulatorOnly ? { simulatorOnly: true } : {}),
        });
  for (const h of requiredHeaders.values())
    if (!h.seen)
      drift.add({
        kind: 'required-header',
        vendor: h.vendor,
        where: h.where,
        path: `header:${h.name}`,
        message: 'required by the contract, never seen',
      });

  return { recording: dir, exchanges: har.log.entries.length, compared, files, drift: drift.items() };
}

function walkBody(
  doc: OpenApiDocument,
  schema: Record<string, unknown>,
  value: unknown,
  vendor: string,
  where: string,
  drift: DriftCollector,
  objects: Map<
    string,
    {
      vendor: string;
      where: string;
      path: string;
      required: Set<string>;
      seen: Set<string>;
      simulatorOnly: boolean;
    }
  >,
): void {
  walk(doc, schema, value, {
    unknownField: (path, field) =>
      drift.add({
        kind: 'field',
        vendor,
        where,
        path: `${path}.${field}`,
        message: 'field seen that the contract lacks',
      }),
    objectSeen: (path, fields, required, simulatorOnly) => {
      const k = `${vendor} ${where} ${path}`;
      const o = objects.get(k) ?? {
        vendor,
        where,
        path,
        required: new Set<string>(),
        seen: new Set<string>(),
        simulatorOnly,
      };
      for (const r of required) o.required.add(r);
      for (const f of fields) o.seen.add(f);
      objects.set(k, o);
    },
    enumValue: (path, v, allowed) =>
      drift.add({
        kind: 'enum',
        vendor,
        where,
        path,
        message: `value outside the contract's enum ${JSON.stringify(allowed)}`,
        values: [JSON.stringify(v)],
      }),
    wrongType: (path, v, expected) =>
      drift.add({
        kind: 'type',
        vendor,
        where,
        path,
        message: `expected ${expected.join(' | ')}, got ${v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v}`,
        values: [JSON.stringify(v)?.slice(0, 60) ?? 'undefined'],
      }),
  });
}

function compareCsv(
  drift: DriftCollector,
  csv: CsvContracts,
  vendor: string,
  file: string,
  header: string[],
): void {
  // The contract whose columns overlap most with the header is the one this file claims to follow.
  const candidates = csv.names().filter((n) => n.startsWith(`${vendor}-`));
  let best: { name: string; columns: string[]; overlap: number } | undefined;
  for (const name of candidates) {
    const columns = csv.get(name).columns;
    const overlap = header.filter((h) => columns.includes(h)).length;
    if (!best || overlap > best.overlap) best = { name, columns, overlap };
  }
  if (!best || best.overlap === 0) {
    drift.add({
      kind: 'csv-contract',
      vendor,
      where: file,
      path: 'header',
      message: `no CSV contract of ${vendor} matches the columns ${header.slice(0, 5).join(', ')}…`,
    });
    return;
  }
  const where = `${file} (${best.name})`;
  for (const h of header)
    if (!best.columns.includes(h))
      drift.add({
        kind: 'csv-column',
        vendor,
        where,
        path: h,
        message: 'column seen that the contract lacks',
      });
  for (const c of best.columns)
    if (!header.includes(c))
      drift.add({
        kind: 'csv-missing-column',
        vendor,
        where,
        path: c,
        message: 'column of the contract missing from the file',
      });
}

/** Header rows of a recorded CSV, or of every CSV inside a recorded ZIP. */
async function csvHeaders(path: string, mediaType: string): Promise<{ name: string; header: string[] }[]> {
  const file = path.split('/').at(-1) ?? path;
  if (/zip/.test(mediaType)) {
    const zip = await SpooledZip.from(createReadStream(path), file);
    const out: { name: string; header: string[] }[] = [];
    try {
      await zip.read(async (name, stream) => {
        if (name.toLowerCase().endsWith('.csv'))
          out.push({ name: `${file}:${name}`, header: await firstRow(stream) });
        else stream.resume();
      });
    } finally {
      await zip.dispose();
    }
    return out;
  }
  if (/csv/.test(mediaType)) return [{ name: file, header: await firstRow(createReadStream(path)) }];
  return [];
}

async function firstRow(stream: Readable): Promise<string[]> {
  let text = '';
  for await (const chunk of stream) {
    text += (chunk as Buffer).toString('utf8');
    const end = text.indexOf('\n');
    if (end >= 0) {
      text = text.slice(0, end);
      stream.destroy();
      break;
    }
  }
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), { relax_quotes: true }) as string[][];
  return (rows[0] ?? []).map((c) => c.trim());
}

function bodyText(entry: HarEntry): string | undefined {
  const c = entry.response.content;
  if (c.text === undefined) return undefined;
  return c.encoding === 'base64' ? Buffer.from(c.text, 'base64').toString('utf8') : c.text;
}

function mediaMatches(declared: string, actual: string): boolean {
  if (declared === actual || declared === '*/*') return true;
  const [dt, ds] = declared.split('/');
  return ds === '*' && dt === actual.split('/')[0];
}

class DriftCollector {
  private readonly byKey = new Map<string, DriftItem>();

  add(item: Omit<DriftItem, 'seen'>): void {
    const key = `${item.kind}|${item.vendor}|${item.where}|${item.path}`;
    const known = this.byKey.get(key);
    if (!known) {
      this.byKey.set(key, { ...item, seen: 1 });
      return;
    }
    known.seen++;
    for (const v of item.values ?? []) {
      known.values ??= [];
      if (known.values.length < 5 && !known.values.includes(v)) known.values.push(v);
    }
  }

  items(): DriftItem[] {
    return [...this.byKey.values()];
  }
}
