import { type FaultMatch, FaultRuleError, FaultStore } from './faults.js';
import {
  type Journal,
  type JournalEntry,
  packedHeader,
  requestBodyText,
  type StoredEntry,
} from './journal.js';
import type { SeededData } from './seed.js';

/**
 * What POST /_sim/requests/count|find select by: the fault rules' match (method, path glob or
 * ^regex, tenant, token, header), plus text the request body contains and the status answered.
 */
export interface RequestMatch extends FaultMatch {
  /** Substring of the request body (as received; matched before redaction). */
  body?: string;
  /** Status the simulator answered (0: dropped). */
  status?: number;
}

export class RequestMatchError extends Error {}

const KEYS = new Set(['method', 'path', 'tenant', 'token', 'header', 'body', 'status']);

/**
 * Compiles a match into a predicate over journal entries. The fault part runs through a
 * one-rule FaultStore, so a request is selected exactly as a fault rule with that match
 * would select it, and the same inputs are refused with the same messages.
 */
export function compileMatch(data: SeededData, input: unknown): (e: StoredEntry) => boolean {
  const given = input ?? {};
  if (typeof given !== 'object' || Array.isArray(given))
    throw new RequestMatchError('match must be an object');
  const unknown = Object.keys(given).filter((k) => !KEYS.has(k));
  if (unknown.length)
    throw new RequestMatchError(
      `match has unknown field(s) ${unknown.join(', ')} (known: ${[...KEYS].join(', ')})`,
    );
  const { body, status, ...fault } = given as RequestMatch;
  if (body !== undefined && typeof body !== 'string')
    throw new RequestMatchError('match.body must be a string');
  if (status !== undefined && (!Number.isInteger(status) || status < 0 || status > 999))
    throw new RequestMatchError('match.status must be an integer from 0 to 999');
  const store = new FaultStore(data);
  try {
    store.add({ id: 'match', match: fault, effect: { status: 500 } });
  } catch (e) {
    if (e instanceof FaultRuleError) throw new RequestMatchError(e.message);
    throw e;
  }
  return (e) => {
    if (status !== undefined && e.status !== status) return false;
    if (body !== undefined && !(requestBodyText(e) ?? '').includes(body)) return false;
    return (
      store.take({
        method: e.method,
        path: e.path,
        tenant: e.tenant,
        token: e.token,
        header: (name) => packedHeader(e.requestHeaders, name),
      }) !== undefined
    );
  };
}

export function countRequests(journal: Journal, data: SeededData, match: unknown): number {
  const test = compileMatch(data, match);
  let n = 0;
  for (const e of journal.stored()) if (test(e)) n++;
  return n;
}

/** Matching entries oldest first; `limit` keeps the newest N. */
export function findRequests(
  journal: Journal,
  data: SeededData,
  match: unknown,
  limit?: number,
): JournalEntry[] {
  const test = compileMatch(data, match);
  const hits = journal.stored().filter(test);
  const kept = limit !== undefined && limit < hits.length ? hits.slice(hits.length - limit) : hits;
  return kept.map((e) => journal.view(e));
}
