import { checkCsv } from '../validation/csv-check.js';
import { SpooledZip } from '../validation/zip.js';
import type { VendorHarness } from '../vendors.js';
import { type FlowContext, StepFailure } from './context.js';
import { createOnce } from './create.js';
import { readSmall, withOneRedownload } from './download.js';
import type { FlowDefinition } from './flow.js';
import { poll } from './poll.js';
import { CdrUsage } from './rprm-usage.js';
import type { StepScope } from './step.js';

/**
 * Polycom RPRM / DMA CDR export: generate-cdrs → follow Location → poll the status until the
 * export is ready (regenerating once when it fails) → download the ZIP, then download it
 * again with If-None-Match expecting 304 → unzip and read the three CSV lists.
 */
const VENDOR = 'rprm';
const BASE = '/api/rest/billing';
const FILES = {
  'calls.csv': 'rprm-calls',
  'conferences.csv': 'rprm-conferences',
  'callcounts.csv': 'rprm-callcounts',
} as const;
const READY = new Set([
  'GENERATION_COMPLETE',
  'SUCCESS',
  'WARN_CDR_RESULTS_TRUNCATED',
  'WARN_CDR_RESULTS_INCOMPLETE',
]);
/** Another client's generation holds the appliance: wait for it this many times. */
const CONFLICT_WAITS = 5;

/** Polycom media types: ask for the JSON representations (the appliance can also answer XML). */
const ACCEPT_STATUS = 'application/vnd.plcm.plcm-billing-status+json, application/vnd.plcm.plcm-error+json';
const ACCEPT_ZIP = 'application/zip, application/vnd.plcm.plcm-error+json';
const ACCEPT_ERROR = 'application/vnd.plcm.plcm-error+json';

function basicAuth(ctx: FlowContext, accept = ACCEPT_ERROR): Record<string, string> {
  const pair = `${ctx.credential('username')}:${ctx.credential('password')}`;
  return { authorization: `Basic ${Buffer.from(pair).toString('base64')}`, accept };
}

/** The window in the appliance's own zone (no offset): a month as its administrators see it. */
function windowQuery(ctx: FlowContext) {
  const end = new Date(`${ctx.period.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return {
    'from-date': `${ctx.period.start}T00:00:00`,
    'to-date': `${end.toISOString().slice(0, 10)}T00:00:00`,
  };
}

async function generate(ctx: FlowContext, s: StepScope): Promise<string> {
  for (let wait = 0; ; wait++) {
    const post = () =>
      s.call({
        method: 'POST',
        path: `${BASE}/generate-cdrs`,
        query: windowQuery(ctx),
        headers: basicAuth(ctx),
        // Throttled or unavailable answers started nothing, so sending again is safe; a lost
        // answer may hide a started generation, which createOnce looks for first.
        retrySafe: 'status',
      });
    const sent = await createOnce(s, 'generate-cdrs', post, () => exportUnderWay(ctx, s));
    if (typeof sent === 'string') {
      s.setNote(`the generation for this window is under way; following ${sent}`);
      return sent;
    }
    const res = sent;
    if (res.status === 409 && wait < CONFLICT_WAITS) {
      const seconds = Number(res.headers['retry-after'] ?? 10);
      s.progress(`another CDR generation is running; waiting ${seconds} s`);
      await s.time.sleep(Math.max(1, Number.isFinite(seconds) ? seconds : 10) * 1000);
      continue;
    }
    s.expect(res, 202);
    const location = res.headers.location;
    if (!location) throw new StepFailure('202 without a Location header', 'header:location');
    s.setNote(`Location ${location}`);
    return location;
  }
}

/** The status resource when it shows a generation of our window that did not fail. */
async function exportUnderWay(ctx: FlowContext, s: StepScope): Promise<string | undefined> {
  const path = `${BASE}/status`;
  const res = await s.call({ path, headers: basicAuth(ctx, ACCEPT_STATUS) });
  if (res.status !== 200) return undefined;
  const body = s.json(res);
  const from = windowQuery(ctx)['from-date'].slice(0, 16);
  const ours = typeof body.fromDate === 'string' && body.fromDate.startsWith(from);
  const failed = typeof body.statusType !== 'string' || body.statusType.startsWith('ERROR');
  return ours && !failed ? path : undefined;
}

type Status = Record<string, unknown> & { statusType: string };

async function waitForExport(ctx: FlowContext, s: StepScope, location: string): Promise<Status> {
  return poll(s, { what: 'CDR export', everyMs: 2000, timeoutMs: ctx.env.pollTimeoutMs }, async () => {
    const res = await s.call({ path: location, headers: basicAuth(ctx, ACCEPT_STATUS) });
    s.expect(res, 200);
    const body = s.json<Status>(res);
    const type = s.field<string>(body.statusType, '$.statusType', 'string');
    if (READY.has(type) && body.downloadReady === true) {
      // The export is usable but partial: the billing lines will be short, say so.
      if (type.startsWith('WARN_')) {
        const message = `${type}: ${String(body.statusMessage ?? 'the export is incomplete')}`;
        s.addFindings([{ severity: 'warning', step: s.name, path: '$.statusType', message }]);
      }
      return { done: true, value: body };
    }
    if (type.startsWith('ERROR') && type !== 'ERROR_ANOTHER_CDR_IS_BEING_GENERATED')
      return { done: true, value: body };
    const processed = body.numberCdrRecordsProcessed;
    const total = body.totalNumberCdrRecords;
    const eta =
      typeof body.estimatedTimeRemainingSeconds === 'number' ? body.estimatedTimeRemainingSeconds : undefined;
    return {
      done: false,
      state: `${type}/${String(body.actionType)} ${processed ?? '?'} of ${total ?? '?'}`,
      // Follow the server's estimate, within reason.
      waitMs: eta === undefined ? undefined : Math.min(30_000, Math.max(1000, eta * 1000)),
    };
  });
}

async function downloadZip(
  ctx: FlowContext,
  s: StepScope,
  url: string,
): Promise<{ etag: string; usage: CdrUsage }> {
  return withOneRedownload(s, 'ZIP download', async () => {
    const res = await s.stream({ path: url, headers: basicAuth(ctx, ACCEPT_ZIP) });
    if (res.status !== 200)
      s.expect({ status: res.status, body: await readSmall(res.body), attempts: res.attempts }, 200);
    const etag = res.headers.etag;
    let zip: SpooledZip;
    try {
      zip = await SpooledZip.from(res.body, 'cdrExport.zip');
    } catch (e) {
      return { value: { etag: '', usage: new CdrUsage() }, failure: e as Error };
    }
    try {
      const usage = await readZip(ctx, s, zip);
      s.setNote(`${zip.bytes} bytes, ${usage.calls} calls, ${usage.conferenceRows} conferences`);
      if (!etag) throw new StepFailure('200 without an ETag header', 'header:etag');
      return { value: { etag, usage } };
    } finally {
      await zip.dispose();
    }
  });
}

async function readZip(ctx: FlowContext, s: StepScope, zip: SpooledZip): Promise<CdrUsage> {
  const names = await zip.entries();
  const missing = Object.keys(FILES).filter((f) => !names.includes(f));
  if (missing.length)
    throw new StepFailure(`ZIP lacks ${missing.join(', ')} (has: ${names.join(', ') || 'nothing'})`, 'zip');
  const usage = new CdrUsage();
  await zip.read(async (name, stream) => {
    const contractName = FILES[name as keyof typeof FILES];
    if (!contractName) {
      s.addFindings([
        {
          severity: 'warning',
          step: s.name,
          path: `zip:${name}`,
          message: 'file not declared in the contract',
        },
      ]);
      stream.resume();
      return;
    }
    const add =
      name === 'calls.csv'
        ? (row: Record<string, string>) => usage.addCall(row)
        : name === 'conferences.csv'
          ? (row: Record<string, string>) => usage.addConference(row)
          : (row: Record<string, string>) => usage.addCount(row);
    const result = await checkCsv(stream, ctx.env.csv.get(contractName), s.name, add, ctx.env.findingLimit);
    s.addFindings(result.findings, result.dropped);
  });
  s.addFindings(
    usage.mismatches().map((message) => ({
      severity: 'error' as const,
      step: s.name,
      path: 'callcounts.csv:TOTAL',
      message,
    })),
  );
  return usage;
}

export const rprmFlow: FlowDefinition = {
  id: 'rprm',
  vendor: VENDOR,
  title: 'Polycom RPRM / DMA CDR export',
  async run(ctx) {
    let location = await ctx.step('generate CDRs', (s) => generate(ctx, s));
    let status = await ctx.step('poll status', (s) => waitForExport(ctx, s, location));
    if (!READY.has(status.statusType)) {
      const first = `${status.statusType}: ${String(status.statusMessage ?? '')}`;
      location = await ctx.step('regenerate failed export', async (s) => {
        s.progress(`generation failed (${first}); starting it again`);
        return generate(ctx, s);
      });
      status = await ctx.step('poll status again', (s) => waitForExport(ctx, s, location));
      if (!READY.has(status.statusType)) {
        await ctx.step('export outcome', async () => {
          throw new StepFailure(
            `CDR generation failed twice: ${status.statusType}: ${String(status.statusMessage ?? '')}`,
            '$.statusType',
          );
        });
      }
    }
    const url =
      typeof status.downloadUrl === 'string' && status.downloadUrl
        ? status.downloadUrl
        : `${BASE}/download-cdrs`;
    const { etag, usage } = await ctx.step('download ZIP and read CSVs', (s) => downloadZip(ctx, s, url));
    await ctx.step('conditional download (If-None-Match)', async (s) => {
      const res = await s.call({
        path: url,
        headers: { ...basicAuth(ctx, ACCEPT_ZIP), 'if-none-match': etag },
      });
      s.expect(res, 304);
      if (res.headers.etag !== etag)
        throw new StepFailure(
          `304 carries ETag ${res.headers.etag ?? '(none)'}, expected ${etag}`,
          'header:etag',
        );
      s.setNote(`304 for ETag ${etag}`);
    });
    ctx.usage.push(...usage.records(VENDOR, ctx.period));
  },
};

export const rprmHarness: VendorHarness = {
  vendor: VENDOR,
  flows: [rprmFlow],
  // A lighter month of traffic keeps the embedded ZIP small; generation is instant on the virtual clock.
  embeddedOptions: { callsPerDay: 200 },
  embeddedCredentials(simulator) {
    const billing = (simulator as { billing?: { username: string; password: string } } | undefined)?.billing;
    return { username: billing?.username, password: billing?.password };
  },
  env: [
    {
      env: 'BILLING_SIM_RPRM_USERNAME',
      credential: 'username',
      required: true,
      description: 'RPRM user with a billing role (admin, provisioner, auditor)',
    },
    { env: 'BILLING_SIM_RPRM_PASSWORD', credential: 'password', required: true, description: 'its password' },
  ],
};
