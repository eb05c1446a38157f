import type { UsageRecord } from '../billing/lines.js';
import type { Period } from './context.js';

/** Codec 1's value of an ITP list field (a single value stays as it is). */
function primary(value: string | undefined): string {
  if (value === undefined) return '';
  const comma = value.indexOf(',');
  return comma < 0 ? value : value.slice(0, comma);
}

/**
 * Turns CDR rows into usage while they stream: per cluster (the billed appliance), call
 * minutes per call type (each call rounded up to a whole minute, as telephony bills) and
 * conferences per class of service. Only the running sums are kept, never the rows.
 */
export class CdrUsage {
  private readonly minutes = new Map<string, number>();
  private readonly conferences = new Map<string, number>();
  calls = 0;
  conferenceRows = 0;
  total: { calls: number; conferences: number } | undefined;

  addCall(row: Record<string, string>): void {
    this.calls++;
    // An ITP system is one CDR whose fields list one value per codec: it is billed once, for the
    // primary codec's (codec 1's) call, which spans the system's whole call.
    const seconds = Number(primary(row.durationSeconds));
    if (!Number.isFinite(seconds) || seconds < 0) return;
    const key = `${primary(row.cluster)}\u0000${row.callType} minutes`;
    this.minutes.set(key, (this.minutes.get(key) ?? 0) + Math.ceil(seconds / 60));
  }

  addConference(row: Record<string, string>): void {
    this.conferenceRows++;
    const key = `${row.cluster}\u0000${row.classOfService} conference`;
    this.conferences.set(key, (this.conferences.get(key) ?? 0) + 1);
  }

  addCount(row: Record<string, string>): void {
    if (row.recordType === 'TOTAL')
      this.total = { calls: Number(row.numberOfCalls), conferences: Number(row.numberOfConferences) };
  }

  /** Disagreements between the TOTAL row of callcounts.csv and the rows actually read. */
  mismatches(): string[] {
    if (!this.total) return ['callcounts.csv has no TOTAL row'];
    const out: string[] = [];
    if (this.total.calls !== this.calls)
      out.push(`TOTAL says ${this.total.calls} calls, calls.csv has ${this.calls} rows`);
    if (this.total.conferences !== this.conferenceRows)
      out.push(
        `TOTAL says ${this.total.conferences} conferences, conferences.csv has ${this.conferenceRows} rows`,
      );
    return out;
  }

  records(vendor: string, period: Period): UsageRecord[] {
    const make = (key: string, quantity: number, unit: string): UsageRecord => {
      const [customer, product] = key.split('\u0000') as [string, string];
      return { vendor, customer, product, quantity, unit, periodStart: period.start, periodEnd: period.end };
    };
    return [
      ...[...this.minutes].map(([k, q]) => make(k, q, 'minute')),
      ...[...this.conferences].map(([k, q]) => make(k, q, 'conference')),
    ].sort((a, b) => (a.customer + a.product < b.customer + b.product ? -1 : 1));
  }
}
