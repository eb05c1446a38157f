import type { Request, Response } from 'express';
import type { components } from '../../contracts/generated/webex.js';
import type { RequestProblem, Rng, SeededData } from '../kernel/index.js';
import { kernelKind, SimError, sendJson, statusText, UuidWriter } from '../kernel/index.js';

/**
 * Webex's error body [C, de-facto, parsed by the SDKs]:
 * `{ message, errors: [{ description }], trackingId }`, with the TrackingID header on every response.
 */
export type WebexErrorBody = components['schemas']['Error'];

const CLIENT_TRACKING_ID = /^[\x21-\x7e]{1,256}$/;

export class TrackingIds {
  // One seeded stream, drawn in request order: same seed and calls → same ids, and no hashing
  // of a fresh key on every request.
  private readonly rng: Rng;
  private readonly ids = new UuidWriter('ROUTER_', true);

  constructor(data: SeededData) {
    this.rng = data.rng('webex:tracking');
  }

  /** Where the id stream stands (kept by a state snapshot, so ids continue where they were). */
  get position(): number {
    return this.rng.position;
  }

  seek(position: number): void {
    this.rng.seek(position);
  }

  /** Echoes the client's TrackingID when it sent a sane one, else makes `ROUTER_<UUID>`. */
  assign(req: Request, res: Response): string {
    const sent = req.get('trackingid');
    const id = sent && CLIENT_TRACKING_ID.test(sent) ? sent : this.ids.draw(this.rng);
    res.setHeader('TrackingID', id);
    res.locals.webexTrackingId = id;
    return id;
  }
}

export function trackingIdOf(res: Response): string {
  return String(res.locals.webexTrackingId ?? res.getHeader('TrackingID') ?? '');
}

/** Validation problems of one request; the first one names the field and becomes the message. */
export function problemsOf(error: SimError): string[] {
  const problems = error.details.problems;
  return Array.isArray(problems) && problems.length > 0 ? problems.map(String) : [error.message];
}

const YEARS: Record<number, string> = { 5: 'five' };

/** One problem the kernel's request validation found, in Webex's words (the field first). */
function describe(p: RequestProblem): string {
  const got = JSON.stringify(p.value);
  const quoted = `"${String(p.value)}"`;
  const years = YEARS[Number(p.params.years)] ?? String(p.params.years);
  if (p.keyword === 'repeated') return `${p.name} must be given at most once.`;
  if (p.keyword === 'enum' || (p.in === 'body' && p.name === 'type'))
    return `${p.name} must be one of ${((p.params.allowedValues as string[] | undefined) ?? ['PARTNER', 'CUSTOMER', 'USER']).join(', ')}; got ${p.in === 'body' ? got : quoted}.`;
  switch (p.name) {
    case 'billingStartDate':
    case 'billingEndDate':
      if (p.in === 'query')
        return `${p.name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time; got ${quoted}.`;
      if (p.keyword === 'not-after') return `${p.params.other} must be on or before ${p.name}.`;
      if (p.keyword === 'before-current')
        return `${p.name} must be before today (${p.params.current}); the current day and future dates are not accepted.`;
      if (p.keyword === 'within-years')
        return `${p.name} must be within the last ${years} years (on or after ${p.params.earliest}).`;
      if (p.keyword === 'required' || p.value === null || p.value === '')
        return `${p.name} is required (YYYY-MM-DD).`;
      return `${p.name} must be a date in the format YYYY-MM-DD; got ${got}.`;
    case 'billingPeriod':
      if (p.keyword === 'before-current')
        return `billingPeriod must be a month before the current one (${p.params.current}); reports cover whole months.`;
      if (p.keyword === 'within-years')
        return `billingPeriod must be within the last ${years} years (${p.params.earliest} or later).`;
      if (p.keyword === 'required' || p.value === null || p.value === '')
        return 'billingPeriod is required (YYYY-MM).';
      return `billingPeriod must be a month in the format YYYY-MM; got ${got}.`;
    case 'before':
    case 'after':
      return `${p.name} must be YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time; got ${quoted}.`;
    case 'max':
      return `max must be a positive integer; got ${quoted}.`;
    case 'subPartnerOrgId':
      return 'subPartnerOrgId must be a Webex organization id.';
    case 'internal':
      return 'internal must be a boolean.';
    case 'id':
      return `id ${quoted} is not a valid billing report id.`;
    case '':
      return 'The request body must be a JSON object.';
  }
  return `${p.name} ${p.message.replace(/^\S+ parameter \S+ /, '')}.`;
}

/**
 * Webex's answer to a request its contract refuses (the kernel's request validation): every
 * problem in errors[], the first one the message, as the hand-written checks listed them.
 */
export function requestError(error: SimError): SimError | undefined {
  const violations = error.details.violations as RequestProblem[] | undefined;
  if (violations === undefined || violations.length === 0 || kernelKind(error) !== 'bad-request')
    return undefined;
  const problems = violations.map(describe);
  return new SimError(400, problems[0] as string, { details: { problems } });
}

export function renderWebexError(_req: Request, res: Response, raw: SimError): void {
  const error = requestError(raw) ?? raw;
  const problems = problemsOf(error);
  const body: WebexErrorBody = {
    message: error.message || statusText(error.status),
    errors: problems.map((description) => ({ description })),
    trackingId: trackingIdOf(res),
  };
  sendJson(res, error.status, body);
}
