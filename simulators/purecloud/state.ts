import type { Kernel } from '../kernel/index.js';
import { TokenStore } from './auth/tokens.js';
import { buildBook, type OrgBook } from './data/contracts.js';
import type { PureCloudOrg, ResolvedOptions } from './options.js';

/** Per-instance state: orgs, issued tokens, the contract books, correlation ids. */
export class PureCloudState {
  readonly tokens: TokenStore;
  private readonly orgs = new Map<string, PureCloudOrg>();
  private readonly books = new Map<string, OrgBook>();
  private correlations = 0;
  private readonly resetHooks: (() => void)[] = [];

  constructor(
    readonly kernel: Kernel,
    readonly options: ResolvedOptions,
  ) {
    for (const org of options.orgs) {
      if (this.orgs.has(org.id)) throw new Error(`duplicate org id ${org.id}`);
      this.orgs.set(org.id, org);
    }
    this.tokens = new TokenStore(kernel, options.orgs, options.tokenLifetimeSeconds);
  }

  org(id: string): PureCloudOrg | undefined {
    return this.orgs.get(id);
  }

  /** The org's contracts and invoices, built once (they depend only on seed and org). */
  book(orgId: string): OrgBook {
    let book = this.books.get(orgId);
    if (!book) {
      const org = this.orgs.get(orgId);
      if (!org) throw new Error(`unknown org ${orgId}`);
      book = buildBook(this.kernel.data, org);
      this.books.set(orgId, book);
    }
    return book;
  }

  /** ININ-Correlation-Id values: UUIDs drawn from the seed, so runs repeat exactly. */
  nextCorrelationId(): string {
    return this.kernel.data.uuid(`purecloud/correlation:${++this.correlations}`);
  }

  /** Route modules register what they keep (cached bodies) so that /_sim/reset clears it too. */
  onReset(hook: () => void): void {
    this.resetHooks.push(hook);
  }

  reset(): void {
    this.tokens.clear();
    this.correlations = 0;
    for (const hook of this.resetHooks) hook();
  }
}
