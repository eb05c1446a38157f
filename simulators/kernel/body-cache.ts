import type { Response } from 'express';

/** A response body rendered once: its text and its byte length. */
export interface RenderedBody {
  readonly text: string;
  readonly length: number;
}

/** What Express's `res.json()` sends as Content-Type. */
export const JSON_UTF8 = 'application/json; charset=utf-8';

export function renderedBody(text: string): RenderedBody {
  return { text, length: Buffer.byteLength(text) };
}

/**
 * Sends a rendered body with its Content-Type and Content-Length, as `res.send()` would, without
 * rendering or measuring it again. HEAD gets the headers only (Node drops the body).
 */
export function sendRendered(res: Response, body: RenderedBody, contentType = JSON_UTF8): void {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', body.length);
  res.end(body.text);
}

/**
 * `res.status(status).json(value)` without Express's per-call Content-Type formatting and
 * settings lookups: for error envelopes, which a flood of 429s sends on every request.
 */
export function sendJson(res: Response, status: number, value: unknown, contentType = JSON_UTF8): void {
  res.statusCode = status;
  sendRendered(res, renderedBody(JSON.stringify(value)), contentType);
}

/**
 * Rendered bodies of resources that are polled again and again (a finished report), one per
 * slot (e.g. the report id), rebuilt when the slot's `version` — everything the body depends on
 * besides the slot — changes. Rendering a few kB of JSON per poll was the largest per-request
 * cost left on those routes. Bounded: past `limit` slots it starts over.
 */
export class BodyCache {
  private readonly slots = new Map<string, { version: string; body: RenderedBody }>();

  constructor(private readonly limit = 1000) {}

  get(slot: string, version: string, render: () => string): RenderedBody {
    const hit = this.slots.get(slot);
    if (hit?.version === version) return hit.body;
    const body = renderedBody(render());
    if (!hit && this.slots.size >= this.limit) this.slots.clear();
    this.slots.set(slot, { version, body });
    return body;
  }

  delete(slot: string): void {
    this.slots.delete(slot);
  }

  clear(): void {
    this.slots.clear();
  }
}
