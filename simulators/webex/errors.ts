import type { Request, Response } from 'express';
import type { Rng, SeededData, SimError } from '../kernel/index.js';
import { sendJson, statusText } from '../kernel/index.js';

/**
 * Webex's error body [C, de-facto, parsed by the SDKs]:
 * `{ message, errors: [{ description }], trackingId }`, with the TrackingID header on every response.
 */
export interface WebexErrorBody {
  message: string;
  errors: { description: string }[];
  trackingId: string;
}

const CLIENT_TRACKING_ID = /^[\x21-\x7e]{1,256}$/;

export class TrackingIds {
  // One seeded stream, drawn in request order: same seed and calls → same ids, and no hashing
  // of a fresh key on every request.
  private readonly rng: Rng;

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
    const id = sent && CLIENT_TRACKING_ID.test(sent) ? sent : `ROUTER_${this.rng.uuid().toUpperCase()}`;
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

export function renderWebexError(_req: Request, res: Response, error: SimError): void {
  const problems = problemsOf(error);
  const body: WebexErrorBody = {
    message: error.message || statusText(error.status),
    errors: problems.map((description) => ({ description })),
    trackingId: trackingIdOf(res),
  };
  sendJson(res, error.status, body);
}
