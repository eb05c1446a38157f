import {
  assertVendorState,
  type JobRecord,
  type Kernel,
  SnapshotError,
  UuidWriter,
} from '../kernel/index.js';
import { Tokens } from './auth.js';
import { type InvoiceRecord, invoiceRecords } from './data/billing.js';
import type { Address } from './data/contracts.js';
import { type PinnedOrg, type PureCloudData, pinData } from './data/golden.js';
import { OrgHistory } from './data/history.js';
import { RenderBuffer, ReportStore } from './data/reports.js';
import type { PureCloudOrg, ResolvedOptions } from './options.js';

const DAY_MS = 86_400_000;

/** PureCloud's own state in a snapshot: counters and the reports it remembers (bodies are rendered again). */
export interface PureCloudSnapshot {
  correlations: number;
  tokens: { issued: number; epoch: number };
  reports: { key: string; jobId: string; orgId: string; start: number; end: number; cutoff: number }[];
}

const COUNT = { type: 'integer', minimum: 0 };
const STATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['correlations', 'tokens', 'reports'],
  properties: {
    correlations: COUNT,
    tokens: {
      type: 'object',
      additionalProperties: false,
      required: ['issued', 'epoch'],
      properties: { issued: COUNT, epoch: COUNT },
    },
    reports: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'jobId', 'orgId', 'start', 'end', 'cutoff'],
        properties: {
          key: { type: 'string' },
          jobId: { type: 'string' },
          orgId: { type: 'string' },
          start: { type: 'number' },
          end: { type: 'number' },
          cutoff: { type: 'number' },
        },
      },
    },
  },
};

/** One org's derived books: its history and the invoices issued from it. */
export interface OrgBooks {
  history: OrgHistory;
  invoices: InvoiceRecord[];
  address: Address;
}

/**
 * Per-instance state: orgs, tokens, each org's history (built lazily, once), the report store,
 * correlation ids. Nothing here is shared between two apps in one process.
 */
export class PureCloudState {
  readonly tokens: Tokens;
  readonly reports: ReportStore;
  /** Where large report bodies are written and sent from (bounded by maxReportBytes). */
  readonly renderBuffer: RenderBuffer;
  private readonly orgs = new Map<string, PureCloudOrg>();
  private readonly books = new Map<string, OrgBooks>();
  private correlations = 0;
  private readonly correlationIds = new UuidWriter();
  /** Golden data per org, checked (data/golden.ts). */
  private pinned: Map<string, PinnedOrg>;

  constructor(
    readonly kernel: Kernel,
    readonly options: ResolvedOptions,
    data?: PureCloudData,
  ) {
    for (const org of options.orgs) {
      if (this.orgs.has(org.id)) throw new Error(`duplicate org id ${org.id}`);
      this.orgs.set(org.id, org);
    }
    this.pinned = pinData(kernel, data, options.orgs);
    this.tokens = new Tokens(kernel, options.orgs, options.tokenLifetimeSeconds);
    this.reports = new ReportStore(options.maxReports, options.maxReportBytes, (entry) =>
      kernel.jobs.remove(entry.jobId),
    );
    this.renderBuffer = new RenderBuffer(options.maxReportBytes);
  }

  org(id: string): PureCloudOrg | undefined {
    return this.orgs.get(id);
  }

  allOrgs(): readonly PureCloudOrg[] {
    return this.options.orgs;
  }

  /** The org's history and invoices: a pure function of (seed, org), built on first use. */
  booksOf(orgId: string): OrgBooks {
    let books = this.books.get(orgId);
    if (!books) {
      const org = this.orgs.get(orgId);
      if (!org) throw new Error(`unknown org ${orgId}`);
      const history = new OrgHistory(this.kernel.data, org, this.pinned.get(org.id));
      const faker = this.kernel.data.faker(`purecloud/org:${org.id}/address`);
      books = {
        history,
        invoices: invoiceRecords(this.kernel.data, history),
        address: {
          line1: faker.location.streetAddress(),
          cityName: faker.location.city(),
          postalCode: faker.location.zipCode('#####'),
          stateCode: faker.location.state({ abbreviated: true }),
        },
      };
      this.books.set(orgId, books);
    }
    return books;
  }

  /**
   * New golden data: checked first (a mistake throws a ConfigError and changes nothing), then
   * every org's books are derived again from (seed, data), and reports made from the old ones go.
   */
  setData(data: PureCloudData | undefined): void {
    this.pinned = pinData(this.kernel, data, this.options.orgs);
    this.books.clear();
    this.reports.evictAll();
  }

  history(orgId: string): OrgHistory {
    return this.booksOf(orgId).history;
  }

  /**
   * The data cut-off at `now` (exclusive): observations before it are visible. By default the
   * end of the previous day in UTC, as Genesys documents [R: option usageCutoff].
   */
  cutoffAt(now: number): number {
    return this.options.usageCutoff === 'previous-day' ? Math.floor(now / DAY_MS) * DAY_MS : now + 1;
  }

  /** ININ-Correlation-Id values: UUIDs drawn from the seed, so runs repeat exactly. */
  nextCorrelationId(): string {
    return this.correlationIds.draw(this.kernel.data.rng(`purecloud/correlation:${++this.correlations}`));
  }

  snapshot(): PureCloudSnapshot {
    return {
      correlations: this.correlations,
      tokens: this.tokens.snapshot(),
      reports: this.reports.list().map(({ key, jobId, orgId, start, end, cutoff }) => ({
        key,
        jobId,
        orgId,
        start,
        end,
        cutoff,
      })),
    };
  }

  /** Checks a snapshot's PureCloud state (its reports' orgs and jobs must exist) and returns what applies it. */
  prepareRestore(state: unknown, jobs: readonly JobRecord[]): () => void {
    assertVendorState(this.kernel, STATE_SCHEMA, state);
    const s = state as PureCloudSnapshot;
    const ids = new Set(jobs.map((j) => j.id));
    const problems: string[] = [];
    if (s.reports.length > this.options.maxReports)
      problems.push(`/vendorState/reports: at most ${this.options.maxReports} reports (maxReports)`);
    s.reports.forEach((r, i) => {
      if (!this.orgs.has(r.orgId))
        problems.push(`/vendorState/reports/${i}/orgId: no org ${r.orgId} in this world`);
      if (!ids.has(r.jobId))
        problems.push(`/vendorState/reports/${i}/jobId: no job ${r.jobId} among the jobs`);
    });
    if (problems.length) throw new SnapshotError(400, problems);
    return () => {
      this.reports.clear();
      for (const r of s.reports) this.reports.set({ ...r });
      this.tokens.restore(s.tokens);
      this.correlations = s.correlations;
    };
  }

  reset(): void {
    this.tokens.reset();
    this.reports.clear();
    this.renderBuffer.clear();
    this.correlations = 0;
  }
}
