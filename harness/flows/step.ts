import type { StreamedResponse } from '../http/client.js';
import { HttpError } from '../http/errors.js';
import type { StepResult } from '../reports/model.js';
import { type Finding, FindingList } from '../validation/findings.js';
import { type FlowEnv, StepFailure } from './context.js';

export interface CallSpec {
  method?: string;
  /** Origin-relative path (joined to the target's base URL) or an absolute URL. */
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** See RequestSpec.retrySafe and RequestSpec.idempotent. */
  retrySafe?: boolean | 'status';
  idempotent?: boolean;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  url: string;
  body: Buffer;
  attempts: number;
}

/** What one step can do: call the API (every answer contract-checked), report, fail precisely. */
export class StepScope {
  private readonly findings: FindingList;
  /** Transcript length when the step began: the step's requests are the entries after it. */
  private readonly firstEntry: number;
  private note: string | undefined;

  constructor(
    readonly name: string,
    private readonly env: FlowEnv,
  ) {
    this.findings = new FindingList(env.findingLimit);
    this.firstEntry = env.client.transcript.entries.length;
  }

  get time() {
    return this.env.time;
  }

  url(spec: Pick<CallSpec, 'path' | 'query'>): string {
    const base = this.env.target.baseUrl.replace(/\/+$/, '');
    const url = new URL(/^https?:\/\//.test(spec.path) ? spec.path : `${base}${spec.path}`);
    for (const [k, v] of Object.entries(spec.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  /** Sends a request, reads the body, checks status/headers/body against the contract. */
  async call(spec: CallSpec): Promise<ApiResponse> {
    const url = this.url(spec);
    const method = (spec.method ?? 'GET').toUpperCase();
    const headers = { accept: 'application/json', ...spec.headers };
    const res = await this.env.client.request({ ...spec, headers, step: this.name, method, url });
    this.checkContract(method, url, res.status, res.headers, res.body);
    return res;
  }

  /** Like call() for big bodies: the head is checked now, the body is the caller's to check. */
  async stream(spec: CallSpec): Promise<StreamedResponse> {
    const url = this.url(spec);
    const method = (spec.method ?? 'GET').toUpperCase();
    const res = await this.env.client.stream({ ...spec, step: this.name, method, url });
    this.checkContract(method, url, res.status, res.headers, undefined);
    return res;
  }

  /** The body as JSON; a body that is not JSON fails the step at `$`. */
  json<T = Record<string, unknown>>(res: ApiResponse): T {
    let value: unknown;
    try {
      value = JSON.parse(res.body.toString('utf8'));
    } catch (e) {
      throw new StepFailure(`HTTP ${res.status} body is not JSON: ${(e as Error).message}`, '$');
    }
    // Every body the flows read is an object; `null` or `42` must not reach a property access.
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new StepFailure(`HTTP ${res.status} body is ${describe(value)}, expected a JSON object`, '$');
    return value as T;
  }

  /** Fails the step unless the status is one of `expected`, quoting the vendor's error message. */
  expect(res: Pick<ApiResponse, 'status' | 'body' | 'attempts'>, ...expected: number[]): void {
    if (expected.includes(res.status)) return;
    const retried = res.attempts > 1 ? ` after ${res.attempts} attempts` : '';
    throw new StepFailure(
      `expected HTTP ${expected.join(' or ')}, got ${res.status}${retried}${errorSummary(res.body)}`,
      'status',
    );
  }

  /** Reads a required field; a missing or mistyped value fails the step at its JSON path. */
  field<T>(value: unknown, path: string, type: 'string' | 'number' | 'boolean' | 'array' | 'object'): T {
    const ok =
      type === 'array'
        ? Array.isArray(value)
        : type === 'object'
          ? typeof value === 'object' && value !== null && !Array.isArray(value)
          : typeof value === type;
    if (!ok) throw new StepFailure(`expected ${type}, got ${describe(value)}`, path);
    return value as T;
  }

  /** `droppedErrors`: errors a check counted but did not list (CSV rows beyond its limit). */
  addFindings(findings: readonly Finding[], droppedErrors = 0): void {
    this.findings.add(...findings);
    this.findings.droppedErrors += droppedErrors;
  }

  /** A short result line for the report (`3 pages, 71 contracts`). */
  setNote(note: string): void {
    this.note = note;
  }

  progress(message: string): void {
    this.env.onEvent?.({ type: 'progress', flow: this.env.flow, step: this.name, message });
  }

  result(durationMs: number, error: unknown): StepResult {
    const entries = this.env.client.transcript.entries;
    const findings = this.findings.items;
    const errors = this.findings.hasErrors;
    let message = this.note;
    if (error !== undefined) {
      const where = error instanceof StepFailure && error.path ? `${error.path}: ` : '';
      // HttpErrors name their step for the transcript; the report line names it already.
      message = `${where}${errorText(error).replace(`${this.name}: `, '')}`;
    } else if (errors) {
      const first = findings.find((f) => f.severity === 'error');
      message = `contract violation${first ? ` at ${first.path}: ${first.message}` : 's'}${this.note ? ` (${this.note})` : ''}`;
    }
    return {
      name: this.name,
      outcome: error !== undefined || errors ? 'failed' : 'passed',
      durationMs,
      message,
      findings,
      droppedErrors: this.findings.droppedErrors || undefined,
      droppedWarnings: this.findings.droppedWarnings || undefined,
      requests: entries.length - this.firstEntry,
      transcript: entries.slice(this.firstEntry).map((e) => e.seq),
    };
  }

  private checkContract(
    method: string,
    url: string,
    status: number,
    headers: Record<string, string>,
    body: Buffer | undefined,
  ): void {
    // Contract paths are full origin-relative paths as served, so the URL's own path is the key.
    const { pathname, search } = new URL(url);
    this.findings.add(
      ...this.env.check.check(this.name, { method, path: `${pathname}${search}`, status, headers, body }),
    );
  }
}

function errorText(error: unknown): string {
  if (error instanceof StepFailure || error instanceof HttpError) return error.message;
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return String(error);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const text = JSON.stringify(value);
  return `${typeof value} ${text && text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/** `: 404 not.found "No trust …"` from whichever envelope the vendor uses. */
export function errorSummary(body: Buffer): string {
  if (!body.length) return '';
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    const text = body.toString('utf8').trim().slice(0, 160);
    return text ? ` (${text})` : '';
  }
  const v = (value ?? {}) as Record<string, unknown>;
  const code = [v.code, v.error, v.errorCode, v.statusCode].find(
    (x) => typeof x === 'string' || typeof x === 'number',
  );
  const message = [v.message, v.error_description, v.description].find((x) => typeof x === 'string');
  const nested = Array.isArray(v.errors)
    ? (v.errors[0] as Record<string, unknown> | undefined)?.description
    : undefined;
  const parts = [
    code !== undefined ? String(code) : '',
    message ?? (typeof nested === 'string' ? nested : ''),
  ]
    .filter(Boolean)
    .map((p, i) => (i === 1 ? JSON.stringify(p) : p));
  return parts.length ? `: ${parts.join(' ')}` : '';
}
