import type { ContractSet, ResponseProfile, Violation } from '../../contracts/index.js';
import { type Finding, toJsonPath } from './findings.js';

export interface ResponseToCheck {
  method: string;
  /** Origin-relative path as served (the contract's path keys), query string allowed. */
  path: string;
  status: number;
  headers: Record<string, string>;
  /** The body as received; undefined for streamed bodies (checked by the ZIP/CSV checks). */
  body: Buffer | undefined;
}

/**
 * Validates live responses with the project's compiled contract validators. Fields and
 * headers the contract does not know are warnings unless `strict` — real vendors add headers
 * (HSTS, CDN ids) and fields at will, and a reference client must not fail on those.
 */
export class ContractCheck {
  constructor(
    private readonly set: ContractSet,
    private readonly vendor: string,
    private readonly strict = false,
    /** `vendor` against real targets (only what the vendor guarantees), `simulator` for the simulators. */
    private readonly profile: ResponseProfile = 'simulator',
  ) {}

  check(step: string, res: ResponseToCheck): Finding[] {
    let violations: Violation[];
    try {
      violations = this.set.validateResponse(
        this.vendor,
        res.method,
        res.path,
        res.status,
        res.headers,
        res.body,
        { profile: this.profile },
      );
    } catch (e) {
      return [{ severity: 'error', step, path: 'contract', message: (e as Error).message }];
    }
    return violations.map((v) => ({
      severity: !this.strict && isUnknownField(v) ? 'warning' : 'error',
      step,
      path: toJsonPath(v.path),
      message: v.message,
    }));
  }
}

function isUnknownField(v: Violation): boolean {
  return (
    v.message.startsWith('unexpected property') || v.message === 'header is not declared for this response'
  );
}
