import { afterEach, expect } from 'vitest';
import { type ContractSet, contracts } from '../../contracts/index.js';
import type { Exchange, ExchangeTap } from '../../simulators/kernel/index.js';

export interface ContractGuard {
  /** Pass as the simulator's `onExchange` option: every response it sends is checked. */
  onExchange: ExchangeTap;
  /** Violations seen since the last check, as readable lines. */
  readonly violations: string[];
  /** Every exchange seen (all tests of the file). */
  readonly exchanges: Exchange[];
}

export function describeExchange(x: Exchange): string {
  return `${x.method} ${x.path} → ${x.status}`;
}

/**
 * Checks every response a simulator sends against contracts/ and fails the test (in afterEach)
 * when any of them breaks it: an undeclared status or header, a wrong media type, a body that
 * does not match its schema. Works for any client (supertest, fetch, the official SDKs),
 * since it taps the server side.
 */
export function contractGuard(
  set: ContractSet = contracts(),
  options: { autoAssert?: boolean } = {},
): ContractGuard {
  const violations: string[] = [];
  const exchanges: Exchange[] = [];
  const onExchange: ExchangeTap = (x) => {
    exchanges.push(x);
    const body = x.bodyTruncated ? undefined : x.body;
    try {
      for (const v of set.validateResponse(x.vendor, x.method, x.path, x.status, x.headers, body)) {
        violations.push(`${describeExchange(x)}: ${v.path}: ${v.message}`);
      }
    } catch (e) {
      violations.push(`${describeExchange(x)}: ${(e as Error).message}`);
    }
  };
  if (options.autoAssert !== false) {
    afterEach(() => {
      const found = violations.splice(0);
      expect(found, 'responses that break the contract').toEqual([]);
    });
  }
  return { onExchange, violations, exchanges };
}
