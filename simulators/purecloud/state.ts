import type { Kernel } from '../kernel/index.js';
import { Tokens } from './auth.js';
import { type InvoiceRecord, invoiceRecords } from './data/billing.js';
import type { Address } from './data/contracts.js';
import { OrgHistory } from './data/history.js';
import { RenderBuffer, ReportStore } from './data/reports.js';
import type { PureCloudOrg, ResolvedOptions } from './options.js';

const DAY_MS = 86_400_000;

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

  constructor(
    readonly kernel: Kernel,
    readonly options: ResolvedOptions,
  ) {
    for (const org of options.orgs) {
      if (this.orgs.has(org.id)) throw new Error(`duplicate org id ${org.id}`);
      this.orgs.set(org.id, org);
    }
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
      const history = new OrgHistory(this.kernel.data, org);
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
    return this.kernel.data.uuid(`purecloud/correlation:${++this.correlations}`);
  }

  reset(): void {
    this.tokens.reset();
    this.reports.clear();
    this.renderBuffer.clear();
    this.correlations = 0;
  }
}
