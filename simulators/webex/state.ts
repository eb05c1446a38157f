import type { Request } from 'express';
import type { components } from '../../contracts/generated/webex.js';
import {
  assertVendorState,
  BodyCache,
  type JobAdvance,
  type JobRecord,
  type JobView,
  type Kernel,
  type Rng,
  SimError,
  SnapshotError,
  shapeProblems,
  TextMemo,
} from '../kernel/index.js';
import { TokenSigner } from './auth/tokens.js';
import { WebexWorld } from './data/golden.js';
import { decodeId, encodeId } from './data/ids.js';
import type { PartnerDataset } from './data/world.js';
import type { FileMeta } from './downloads/host.js';
import { broadworksObjectPath, DownloadSigner, wholesaleObjectPath } from './downloads/signer.js';
import {
  type ResolvedWebexOptions,
  SCOPES,
  type WebexData,
  type WebexPartner,
  type WebexToken,
} from './options.js';

export type ReportStatus = components['schemas']['ReportStatus'];
export type WholesaleType = components['schemas']['WholesaleReportType'];

export interface WholesaleReportData {
  family: 'wholesale';
  uuid: string;
  fileUuid: string;
  partnerOrgUuid: string;
  createdBy: string;
  billingStartDate: string;
  billingEndDate: string;
  start: number;
  end: number;
  type: WholesaleType;
  category: 'RECONCILIATION';
  subPartnerOrgUuid: string | undefined;
  internal: boolean;
}

export interface BroadworksReportData {
  family: 'broadworks';
  uuid: string;
  fileUuid: string;
  partnerOrgUuid: string;
  createdBy: string;
  billingPeriod: string;
  year: number;
  month: number;
}

export type ReportData = WholesaleReportData | BroadworksReportData;

export const JOB_KIND = {
  wholesale: 'webex.wholesale-report',
  broadworks: 'webex.broadworks-report',
} as const;

const LIFECYCLE = { steps: ['IN_PROGRESS'], success: 'COMPLETED', failure: 'FAILED' } as const;

/** [R] Webex-style numeric code of a failed generation (the kernel's default failure). */
export const GENERATION_FAILED = {
  code: 2050,
  description: 'Billing report generation failed. Create the report again.',
};

export interface Caller {
  partner: WebexPartner;
  token: WebexToken;
}

/** The report routes and the scope each method needs (other methods answer 405 without a token). */
const SCOPED_ROUTES: { path: RegExp; scopes: Record<string, string> }[] = [
  {
    path: /^\/v1\/wholesale\/billing\/reports$/,
    scopes: { GET: SCOPES.wholesaleRead, POST: SCOPES.wholesaleWrite },
  },
  {
    path: /^\/v1\/wholesale\/billing\/reports\/[^/]+$/,
    scopes: { GET: SCOPES.wholesaleRead, DELETE: SCOPES.wholesaleWrite },
  },
  {
    path: /^\/v1\/broadworks\/billing\/reports$/,
    scopes: { GET: SCOPES.broadworksRead, POST: SCOPES.broadworksWrite },
  },
  {
    path: /^\/v1\/broadworks\/billing\/reports\/[^/]+$/,
    scopes: { GET: SCOPES.broadworksRead, DELETE: SCOPES.broadworksWrite },
  },
];

/** Webex's own state in a snapshot: counters, spent codes and where its id streams stand. */
export interface WebexSnapshot {
  reportCounter: number;
  tokensIssued: number;
  spentCodes: number[];
  /** Positions of the TrackingID and CloudFront request-id streams. */
  trackingIds: number;
  cdnIds: number;
}

const COUNT = { type: 'integer', minimum: 0 };
const UINT32 = { type: 'integer', minimum: 0, maximum: 4_294_967_295 };
const STATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['reportCounter', 'tokensIssued', 'spentCodes', 'trackingIds', 'cdnIds'],
  properties: {
    reportCounter: COUNT,
    tokensIssued: COUNT,
    spentCodes: { type: 'array', items: COUNT, maxItems: 1000 },
    trackingIds: UINT32,
    cdnIds: UINT32,
  },
};

const TEXT = { type: 'string' };
/** A report job's data (`ReportData`), per family. */
const REPORT_DATA_SCHEMA = {
  type: 'object',
  required: ['family'],
  properties: { family: { enum: ['wholesale', 'broadworks'] } },
  oneOf: [
    {
      additionalProperties: false,
      required: [
        'family',
        'uuid',
        'fileUuid',
        'partnerOrgUuid',
        'createdBy',
        'billingStartDate',
        'billingEndDate',
        'start',
        'end',
        'type',
        'category',
        'internal',
      ],
      properties: {
        family: { const: 'wholesale' },
        uuid: TEXT,
        fileUuid: TEXT,
        partnerOrgUuid: TEXT,
        createdBy: TEXT,
        billingStartDate: TEXT,
        billingEndDate: TEXT,
        start: { type: 'number' },
        end: { type: 'number' },
        type: { enum: ['PARTNER', 'CUSTOMER', 'USER'] },
        category: { const: 'RECONCILIATION' },
        subPartnerOrgUuid: TEXT,
        internal: { type: 'boolean' },
      },
    },
    {
      additionalProperties: false,
      required: [
        'family',
        'uuid',
        'fileUuid',
        'partnerOrgUuid',
        'createdBy',
        'billingPeriod',
        'year',
        'month',
      ],
      properties: {
        family: { const: 'broadworks' },
        uuid: TEXT,
        fileUuid: TEXT,
        partnerOrgUuid: TEXT,
        createdBy: TEXT,
        billingPeriod: TEXT,
        year: { type: 'integer' },
        month: { type: 'integer', minimum: 1, maximum: 12 },
      },
    },
  ],
};

/** Authorization codes remembered as spent (codes live 10 minutes; the oldest go first). */
const SPENT_CODES_CAP = 1000;

/** Tokens, partners, reports (kernel jobs), datasets and download links of one simulator. */
export class WebexState {
  readonly signer: DownloadSigner;
  /** Access, refresh tokens and authorization codes of the integrations (signed, not stored). */
  readonly oauth: TokenSigner;
  private readonly spentCodes = new Set<number>();
  private readonly tokens = new Map<string, Caller>();
  /** The partners' customers and subscriptions: seeded, with the golden data over them. */
  readonly world: WebexWorld;
  /** file uuid → report uuid, for the download route. */
  private readonly files = new Map<string, string>();
  /** Last signed download link per report (one entry per live report). */
  private readonly signedUrls = new Map<string, { key: string; url: string }>();
  /** Rendered GET bodies per report, rebuilt when its status or signed link changes. */
  readonly reportBodies = new BodyCache();
  /** Report ids as sent → their uuid (a polled id is decoded once; ids never change meaning). */
  private readonly reportUuids = new TextMemo<string | undefined>(1000, 256);
  /** Length and ETag per downloaded report (one entry per live report). */
  private readonly fileMetas = new Map<string, FileMeta>();
  /** The download listener's own URL, once it listens (startSimulators tells it). */
  private downloadListenerUrl: string | undefined;
  private counter = 0;
  /** Request ids of the download host (CloudFront's x-amz-cf-id), drawn in request order. */
  readonly cdnIds: Rng;

  constructor(
    readonly kernel: Kernel,
    readonly options: ResolvedWebexOptions,
    data?: WebexData,
  ) {
    this.signer = new DownloadSigner(kernel.secret, kernel.seed, options.keyPairId);
    this.oauth = new TokenSigner(kernel.secret);
    this.world = new WebexWorld(kernel, options.partners, data);
    this.cdnIds = kernel.data.rng('webex:cloudfront-ids');
    for (const partner of options.partners) {
      for (const token of partner.tokens) this.tokens.set(token.token, { partner, token });
    }
  }

  reset(): void {
    this.spentCodes.clear();
    this.fileMetas.clear();
    this.signedUrls.clear();
    this.reportBodies.clear();
    this.files.clear();
    this.counter = 0;
  }

  /** Everything of Webex's own that changes an answer; `trackingIds` is the TrackingID stream's position. */
  snapshot(trackingIds: number): WebexSnapshot {
    return {
      reportCounter: this.counter,
      tokensIssued: this.oauth.issued,
      spentCodes: [...this.spentCodes],
      trackingIds,
      cdnIds: this.cdnIds.position,
    };
  }

  /**
   * Checks a snapshot's Webex state and its report jobs (data shape, family, partner) and returns
   * what applies it; `seekTracking` moves the TrackingID stream. Caches (signed links, file
   * lengths, rendered bodies) start empty: they are rebuilt from the same state, byte for byte.
   */
  prepareRestore(state: unknown, jobs: readonly JobRecord[], seekTracking: (n: number) => void): () => void {
    assertVendorState(this.kernel, STATE_SCHEMA, state);
    const s = state as WebexSnapshot;
    const problems: string[] = [];
    const reports: ReportData[] = [];
    jobs.forEach((job, i) => {
      const family =
        job.kind === JOB_KIND.wholesale
          ? 'wholesale'
          : job.kind === JOB_KIND.broadworks
            ? 'broadworks'
            : undefined;
      if (!family) return;
      const at = `/jobs/jobs/${i}`;
      const shape = shapeProblems(this.kernel, REPORT_DATA_SCHEMA, job.data, `${at}/data`);
      if (shape.length) {
        problems.push(...shape);
        return;
      }
      const data = job.data as ReportData;
      if (data.family !== family)
        problems.push(`${at}/data/family: a ${job.kind} job holds a ${family} report`);
      if (data.uuid !== job.id) problems.push(`${at}/data/uuid: must be the job id ${job.id}`);
      if (data.partnerOrgUuid !== job.tenant)
        problems.push(`${at}/tenant: must be the report's partnerOrgUuid`);
      if (!this.partner(data.partnerOrgUuid))
        problems.push(`${at}/data/partnerOrgUuid: no partner ${data.partnerOrgUuid} in this world`);
      reports.push(data);
    });
    if (problems.length) throw new SnapshotError(400, problems);
    return () => {
      this.reset();
      this.counter = s.reportCounter;
      this.oauth.issued = s.tokensIssued;
      for (const code of s.spentCodes) this.spentCodes.add(code);
      for (const data of reports) this.files.set(data.fileUuid, data.uuid);
      this.cdnIds.seek(s.cdnIds);
      seekTracking(s.trackingIds);
    };
  }

  bearer(req: Request): string | undefined {
    const header = req.get('authorization');
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    return m ? m[1] : undefined;
  }

  /** Cheap lookup for the kernel (fault matching, rate-limit key). */
  identify(req: Request): { token?: string; tenant?: string } {
    const token = this.bearer(req);
    if (!token) return {};
    const tenant = this.tokens.get(token)?.partner.orgUuid ?? this.oauth.read(token)?.org;
    return { token, tenant };
  }

  /**
   * The kernel's authenticate hook: before the rate limiter and before the body is read, so
   * 401/403 come before 400/413/415. Routes without credentials (the OAuth endpoints, unknown
   * paths) answer undefined.
   */
  authenticate(req: Request): { principal: string } | SimError | undefined {
    const route = SCOPED_ROUTES.find((r) => r.path.test(req.path));
    // Methods a path does not have get their 405 (with Allow) whoever asks.
    const scope = route?.scopes[req.method === 'HEAD' ? 'GET' : req.method];
    if (!scope) return undefined;
    try {
      const caller = this.callerOf(req);
      this.requireScope(caller, scope);
      return { principal: caller.token.token };
    } catch (e) {
      if (e instanceof SimError) return e;
      throw e;
    }
  }

  /** 401 without a valid bearer token, 403 without the scope. */
  authorize(req: Request, scope: string): Caller {
    const caller = this.callerOf(req);
    this.requireScope(caller, scope);
    return caller;
  }

  private requireScope(caller: Caller, scope: string): void {
    if (!caller.token.scopes.includes(scope)) {
      throw new SimError(403, `The access token does not carry the scope this operation requires: ${scope}.`);
    }
  }

  /** A demo token, or an access token this simulator issued and that has not expired. */
  private callerOf(req: Request): Caller {
    const token = this.bearer(req);
    const demo = token ? this.tokens.get(token) : undefined;
    if (demo) return demo;
    const claims = token ? this.oauth.read(token) : undefined;
    const partner = claims?.kind === 'access' ? this.partner(claims.org) : undefined;
    if (!token || !claims || !partner) {
      throw new SimError(
        401,
        'The request requires a valid access token set in the Authorization request header.',
      );
    }
    if (claims.exp <= this.kernel.clock.now()) {
      throw new SimError(401, 'The access token has expired: get a new one with the refresh token.', {
        details: {
          problems: [
            `The access token expired at ${new Date(claims.exp).toISOString()}; POST /v1/access_token with grant_type=refresh_token.`,
          ],
        },
      });
    }
    return { partner, token: { token, scopes: claims.scopes, personUuid: claims.person } };
  }

  /** Marks an authorization code spent; false when it already was. */
  spendCode(n: number): boolean {
    if (this.spentCodes.has(n)) return false;
    this.spentCodes.add(n);
    if (this.spentCodes.size > SPENT_CODES_CAP) {
      const oldest = this.spentCodes.values().next().value as number;
      this.spentCodes.delete(oldest);
    }
    return true;
  }

  dataset(partner: WebexPartner): PartnerDataset {
    return this.world.dataset(partner);
  }

  /** New golden data (validated first; a mistake throws and changes nothing): reports answer from it. */
  setData(data: WebexData | undefined): void {
    this.world.set(data);
    // Measured downloads describe the old world's bytes.
    this.fileMetas.clear();
  }

  partner(orgUuid: string): WebexPartner | undefined {
    return this.options.partners.find((p) => p.orgUuid === orgUuid);
  }

  /** The next report and file uuids (drawn only once a request has passed every check). */
  nextIds(): { uuid: string; fileUuid: string } {
    const n = ++this.counter;
    return {
      uuid: this.kernel.data.uuid(`webex:report:${n}`),
      fileUuid: this.kernel.data.uuid(`webex:report-file:${n}`),
    };
  }

  private advance(): JobAdvance {
    return this.options.generation;
  }

  createReport<D extends ReportData>(data: D): JobView<D> {
    const job = this.kernel.jobs.create<D>({
      kind: JOB_KIND[data.family],
      lifecycle: LIFECYCLE,
      advance: this.advance(),
      tenant: data.partnerOrgUuid,
      id: data.uuid,
      failureRate: this.options.failureRate,
      data,
    });
    this.files.set(data.fileUuid, data.uuid);
    return job;
  }

  reports<D extends ReportData>(family: D['family'], partnerOrgUuid: string): JobView<D>[] {
    return this.kernel.jobs.list({ kind: JOB_KIND[family], tenant: partnerOrgUuid }) as JobView<D>[];
  }

  /** A report of this family and partner, read as a client poll or not; undefined if absent. */
  report<D extends ReportData>(
    family: D['family'],
    partnerOrgUuid: string,
    uuid: string,
    poll: boolean,
  ): JobView<D> | undefined {
    const peek = this.kernel.jobs.get<D>(uuid);
    if (!peek || peek.kind !== JOB_KIND[family] || peek.tenant !== partnerOrgUuid) return undefined;
    return poll ? this.kernel.jobs.poll<D>(uuid) : peek;
  }

  reportByFile(fileUuid: string): JobView<ReportData> | undefined {
    const uuid = this.files.get(fileUuid);
    return uuid ? this.kernel.jobs.get<ReportData>(uuid) : undefined;
  }

  remove(uuid: string): void {
    const job = this.kernel.jobs.get<ReportData>(uuid);
    if (job) this.files.delete(job.data.fileUuid);
    this.signedUrls.delete(uuid);
    this.fileMetas.delete(uuid);
    this.reportBodies.delete(uuid);
    this.kernel.jobs.remove(uuid);
  }

  /** Seconds a client should wait before deleting an IN_PROGRESS report again. */
  lockRetryAfter(job: JobView): number {
    if (this.options.lockRetryAfterSeconds !== undefined) return this.options.lockRetryAfterSeconds;
    if (job.remainingMs !== undefined) return Math.max(1, Math.ceil(job.remainingMs / 1000));
    return 10;
  }

  fileMeta(reportId: string, measure: () => FileMeta): FileMeta {
    let meta = this.fileMetas.get(reportId);
    if (!meta) {
      meta = measure();
      this.fileMetas.set(reportId, meta);
    }
    return meta;
  }

  /** The tempDownloadURL for a COMPLETED report, signed now for the configured lifetime. */
  /** The uuid inside a billing report id as a client sent it, or undefined when it is none. */
  reportUuid(id: string): string | undefined {
    return this.reportUuids.get(id, () => decodeId('BILLING_REPORT', id));
  }

  downloadUrl(job: JobView<ReportData>): string {
    const data = job.data;
    const objectPath =
      data.family === 'wholesale'
        ? wholesaleObjectPath(data.partnerOrgUuid, data.fileUuid)
        : broadworksObjectPath(data.partnerOrgUuid, job.finishedAt ?? job.createdAt, data.fileUuid);
    const expires = Math.floor(this.kernel.clock.now() / 1000) + this.options.downloadUrlTtlSeconds;
    const base = this.downloadBase();
    // The link only changes when the simulator's second (or the host) does: sign once per change.
    const key = `${base}|${expires}`;
    const cached = this.signedUrls.get(job.id);
    if (cached?.key === key) return cached.url;
    const url = this.signer.url(base, objectPath, expires);
    this.signedUrls.set(job.id, { key, url });
    return url;
  }

  /**
   * Origin (and path prefix) of download links: `downloadBaseUrl`, else the download listener's
   * own URL, else (before it listens, e.g. under supertest) the address it is configured for.
   */
  downloadBase(): string {
    if (this.options.downloadBaseUrl) return this.options.downloadBaseUrl;
    if (this.downloadListenerUrl) return this.downloadListenerUrl;
    const d = this.options.downloads;
    const host = d.host ?? '127.0.0.1';
    return `${d.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${d.port}`;
  }

  downloadListening(url: string): void {
    this.downloadListenerUrl = url;
  }

  /** The path prefix the download route serves under (from `downloadBaseUrl`). */
  downloadPrefix(): string {
    if (!this.options.downloadBaseUrl) return '';
    try {
      return new URL(this.options.downloadBaseUrl).pathname.replace(/\/+$/, '');
    } catch {
      return '';
    }
  }

  errorsOf(job: JobView): { code: number; description: string }[] {
    const e = job.error;
    if (!e) return [];
    if (/^\d+$/.test(e.code)) return [{ code: Number(e.code), description: e.message }];
    if (e.code === 'generation.failed') return [GENERATION_FAILED];
    return [{ code: GENERATION_FAILED.code, description: e.message || GENERATION_FAILED.description }];
  }

  personId(caller: Caller): string {
    return encodeId('PEOPLE', caller.token.personUuid);
  }
}
