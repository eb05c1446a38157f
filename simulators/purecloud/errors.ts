import type { Request, Response } from 'express';
import type { components } from '../../contracts/generated/purecloud.js';
import { kernelKind, type RequestProblem, renderedBody, SimError, sendRendered } from '../kernel/index.js';
import { PAGE_LIMITS } from './options.js';

export const CORRELATION_HEADER = 'ININ-Correlation-Id';

/** Genesys Cloud's ErrorBody, as the contract declares it (`details` and `errors` always sent, possibly empty). */
export type ErrorBody = components['schemas']['ErrorBody'];

/** The code a status gets when nothing more specific is known (injected faults, kernel errors). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad.request',
  401: 'authentication.required',
  403: 'not.authorized',
  404: 'not.found',
  408: 'client.timeout',
  409: 'request.conflict',
  413: 'request.entity.too.large',
  415: 'unsupported.media.type',
  429: 'too.many.requests.retry.after',
  500: 'internal.server.error',
  503: 'service.unavailable',
  504: 'request.timeout',
};

export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal.server.error' : 'bad.request');
}

/** Errors with the vendor's code already chosen (routes throw these). */
export function apiError(
  status: number,
  code: string,
  message: string,
  extra: Partial<Pick<ErrorBody, 'messageWithParams' | 'messageParams' | 'entityId' | 'entityName'>> = {},
): SimError {
  return new SimError(status, message, { code, details: { body: extra } });
}

export const INVALID_DATE_MESSAGE =
  'Dates must be specified as ISO-8601 strings. For example: yyyy-MM-ddTHH:mm:ss.SSSZ';
export const DATE_ONLY_MESSAGE = 'Dates must be specified as ISO-8601 strings. For example: yyyy-MM-dd';
export const DOCUMENT_DENIED = 'The document link is invalid or has expired.';

/**
 * The platform API's answer to a request its contract refuses (the kernel's request
 * validation): the first problem, in the words and codes the hand-written checks used.
 */
export function requestError(error: SimError): SimError | undefined {
  const problems = error.details.violations as RequestProblem[] | undefined;
  const p = problems?.[0];
  if (p === undefined || kernelKind(error) !== 'bad-request') return undefined;
  // A signed link is the caller's only credential: any flaw in it is a refusal, not a 400.
  if (error.details.operation === 'getInvoiceDocument')
    return apiError(403, 'not.authorized', DOCUMENT_DENIED);
  const other = String(p.params.other ?? '');
  switch (p.keyword) {
    case 'required':
      return apiError(400, 'bad.request', `Missing required query parameter ${p.name}.`);
    case 'repeated':
      return apiError(400, 'invalid.query.param.value', `Query parameter ${p.name} must be given once.`);
    case 'not-both':
      return apiError(
        400,
        'bad.request',
        `Only one of the query parameters ${other} and ${p.name} may be given.`,
      );
    case 'not-after':
      return apiError(
        400,
        'invalid.value',
        p.name === 'endDate' ? `${other} must be before ${p.name}.` : `${other} must not be after ${p.name}.`,
      );
  }
  if (p.name === 'startDate' || p.name === 'endDate')
    return apiError(400, 'invalid.date', INVALID_DATE_MESSAGE);
  if (p.name === 'dateStart' || p.name === 'dateEnd') return apiError(400, 'invalid.date', DATE_ONLY_MESSAGE);
  const invalid = `Invalid value for query parameter ${p.name}: ${String(p.value)}`;
  const limit = p.params.limit;
  const message =
    p.keyword === 'enum'
      ? `${invalid}. Allowed values: ${(p.params.allowedValues as string[]).join(', ')}`
      : error.details.operation === 'getOrgauthorizationTrustors' && p.name === 'pageSize'
        ? `${invalid}. The maximum is ${PAGE_LIMITS.trustors.maxPageSize}.`
        : p.keyword === 'maximum' && p.name === 'pageSize'
          ? `${invalid}. The maximum page size is ${limit}.`
          : invalid;
  return apiError(400, 'invalid.query.param.value', message);
}

/** Translates any SimError (vendor- or kernel-made) into an ErrorBody without the contextId. */
export function toErrorBody(error: SimError, rateLimit: number): Omit<ErrorBody, 'contextId'> {
  const status = error.status;
  const base = { status, details: [], errors: [] };
  switch (kernelKind(error)) {
    case 'not-found':
      return { ...base, code: 'not.found', message: 'HTTP 404 Not Found' };
    case 'method-not-allowed':
      return { ...base, code: 'bad.request', message: 'HTTP 405 Method Not Allowed' };
    case 'malformed-json':
      return {
        ...base,
        code: 'bad.request',
        message: 'The request could not be understood by the server due to malformed syntax.',
      };
    case 'body-too-large':
      return {
        ...base,
        code: 'request.entity.too.large',
        message: `The request is over the size limit. ${error.message}`,
      };
    case 'unsupported-media-type':
      return {
        ...base,
        code: 'unsupported.media.type',
        message:
          'Unsupported Media Type - Unsupported or incorrect media type, such as an incorrect Content-Type value in the header.',
      };
    case 'rate-limited': {
      const seconds = error.retryAfterSeconds ?? 60;
      return {
        ...base,
        code: 'too.many.requests.retry.after',
        message: `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`,
        limit: { key: 'token.rate.per.minute', namespace: 'platform.api', value: rateLimit },
      };
    }
    case 'fault':
      return {
        ...base,
        code: codeForStatus(status),
        message: status === 429 ? faultRateMessage(error) : error.message,
      };
    case 'internal':
      return {
        ...base,
        code: 'internal.server.error',
        message:
          'The server encountered an unexpected condition which prevented it from fulfilling the request.',
      };
  }
  const extra = (error.details.body ?? {}) as Partial<ErrorBody>;
  return { ...base, ...extra, code: error.code ?? codeForStatus(status), message: error.message };
}

function faultRateMessage(error: SimError): string {
  const seconds = error.retryAfterSeconds;
  return seconds === undefined
    ? 'Rate limit exceeded the maximum.'
    : `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`;
}

function errorBody(error: SimError, rateLimit: number, contextId: string): ErrorBody {
  const body = toErrorBody(error, rateLimit);
  return {
    message: body.message,
    code: body.code,
    status: body.status,
    ...(body.entityId === undefined ? {} : { entityId: body.entityId }),
    ...(body.entityName === undefined ? {} : { entityName: body.entityName }),
    ...(body.messageWithParams === undefined ? {} : { messageWithParams: body.messageWithParams }),
    ...(body.messageParams === undefined ? {} : { messageParams: body.messageParams }),
    contextId,
    details: body.details,
    errors: body.errors,
    ...(body.limit === undefined ? {} : { limit: body.limit }),
  };
}

/** Stands in for the contextId while an error's body is rendered once: JSON writes it as `"\u0000"`. */
const CONTEXT_MARK = '\u0000';
const CONTEXT_FIELD = `"contextId":${JSON.stringify(CONTEXT_MARK)}`;

/**
 * The platform API's error answers of one app. An error is never changed once made, and its body
 * differs between requests only by the contextId (the request's correlation id): the body is
 * rendered once per error, as the text before and after that id, so a flood of 429s (one error
 * per wait) serialises nothing per request.
 */
export class ApiErrorRenderer {
  private readonly rendered = new WeakMap<SimError, { head: string; tail: string }>();

  constructor(private readonly rateLimit: number) {}

  render(res: Response, error: SimError): void {
    const contextId = String(res.getHeader(CORRELATION_HEADER) ?? '');
    const answer = requestError(error) ?? error;
    let parts = this.rendered.get(answer);
    if (parts === undefined) {
      const text = JSON.stringify(errorBody(answer, this.rateLimit, CONTEXT_MARK));
      const at = text.indexOf(CONTEXT_FIELD);
      parts = { head: text.slice(0, at + 12), tail: text.slice(at + CONTEXT_FIELD.length) };
      this.rendered.set(answer, parts);
    }
    res.statusCode = answer.status;
    sendRendered(res, renderedBody(parts.head + JSON.stringify(contextId) + parts.tail));
  }
}

export function isLoginPath(req: Request): boolean {
  return req.path.startsWith('/oauth/');
}
