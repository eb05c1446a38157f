import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Clock,
  type RunningSimulators,
  startSimulators,
  type WebexCredentials,
} from '../../simulators/index.js';

/**
 * The dashboard and the API docs in a real browser: Debian's headless Chromium (.ci/run installs
 * it) driven by playwright-core. Every request the browser makes that is not to the simulators
 * is refused, so the pages are shown to work offline.
 */
const CHROMIUM = process.env.BILLING_SIM_CHROMIUM ?? '/usr/bin/chromium';
const OUT = join(process.cwd(), 'out', 'browser');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let sims: RunningSimulators;
let browser: BrowserContext;
let profile: string;
const outside: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set BILLING_SIM_CHROMIUM)`);
  sims = await startSimulators({
    clock: new Clock({ mode: 'manual', start: '2026-10-15T10:00:00Z' }),
    only: ['webex', 'purecloud'],
    ports: { webex: 0, purecloud: 0 },
  });
  profile = mkdtempSync(join(tmpdir(), 'billing-sim-chromium-'));
  // A fresh profile per run: nothing cached or remembered from an earlier one.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    timeout: 60_000,
  });
  const origins = Object.values(sims.urls);
  await browser.route('**/*', (route) => {
    const url = route.request().url();
    if (origins.some((o) => url.startsWith(o))) return route.continue();
    outside.push(url);
    return route.abort();
  });
  mkdirSync(OUT, { recursive: true });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await sims?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  // Short waits: a missing element fails with its selector instead of at the test's timeout.
  page.setDefaultTimeout(8_000);
  return page;
}

describe('dashboard in headless Chromium', () => {
  it('advances a job to completion, adds a fault rule that fails the next request, reads the request list', async () => {
    const webex = sims.urls.webex!;
    const token = (sims.credentials.webex as WebexCredentials).partners[0]!.tokens[0]!.token;
    const created = await fetch(`${webex}/v1/wholesale/billing/reports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ billingStartDate: '2026-09-01', billingEndDate: '2026-09-30' }),
    });
    expect(created.status).toBe(200);
    const { id: reportId } = (await created.json()) as { id: string };
    const jobs = (await (await fetch(`${webex}/_sim/jobs`)).json()) as {
      jobs: { id: string; kind: string }[];
    };
    expect(jobs.jobs.map((j) => j.kind)).toEqual(['webex.wholesale-report']);
    const id = jobs.jobs[0]!.id;

    const page = await openPage();
    await page.goto(`${webex}/_sim/ui`);
    await expect.poll(() => page.textContent('#vendor')).toBe('webex');
    // Every simulator of the start is one click away.
    expect(await page.locator('#simulators a').allTextContents()).toEqual(['purecloud', 'webex']);
    expect(await page.locator('#credentials').textContent()).toContain(`Authorization: Bearer ${token}`);

    // Jobs: Advance steps the report past its one generation step; the row shows it completed.
    const row = page.locator(`#jobs tr[data-job-id="${id}"]`);
    await expect.poll(() => row.getAttribute('data-state')).toBe('IN_PROGRESS');
    await row.locator('button[data-action="next"]').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('COMPLETED');
    expect(await row.locator('button').count()).toBe(0);
    const job = (await (await fetch(`${webex}/_sim/jobs/${id}`)).json()) as Record<string, unknown>;
    expect(job).toMatchObject({ state: 'COMPLETED', terminal: true, failed: false });

    // Fault editor: the server's validation message is shown, and nothing is installed.
    await page.fill('#fault-input', '{"effect": {"status": 200}}');
    await page.click('#fault-add');
    // The page shows exactly what the server answers for that rule.
    const refused = await fetch(`${webex}/_sim/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"effect": {"status": 200}}',
    });
    expect(refused.status).toBe(400);
    const message = ((await refused.json()) as { error: string }).error;
    expect(message).toMatch(/status/);
    await expect.poll(() => page.textContent('#fault-error')).toBe(message);
    expect(((await (await fetch(`${webex}/_sim/faults`)).json()) as { faults: unknown[] }).faults).toEqual(
      [],
    );
    await page.fill(
      '#fault-input',
      '{"match": {"path": "/v1/wholesale/**"}, "effect": {"status": 503, "retryAfterSeconds": 7}, "times": 1}',
    );
    await page.click('#fault-add');
    await expect.poll(() => page.locator('#faults li[data-fault-id]').count()).toBe(1);
    expect(await page.textContent('#fault-error')).toBe('');

    // The next request fails with the rule, and the live request list shows it.
    const failed = await fetch(`${webex}/v1/wholesale/billing/reports/${reportId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('7');
    const faulted = page.locator('#requests tr[data-status="503"]');
    await expect.poll(() => faulted.count(), { timeout: 10_000 }).toBe(1);
    expect(await faulted.locator('td.fault').textContent()).toBe('fault-1');
    expect(await page.locator('#requests tr').count()).toBe(2);

    // Detail view: headers and bodies, the credential redacted.
    await faulted.click();
    const requestHeaders = await page.textContent('#detail-request-headers');
    expect(requestHeaders).toContain('authorization: [redacted]');
    expect(requestHeaders).not.toContain(token);
    expect(await page.textContent('#detail-response-headers')).toContain('retry-after: 7');
    expect(await page.textContent('#detail-response-body')).toMatch(/"message"/);

    await page.screenshot({ path: join(OUT, 'dashboard.png'), fullPage: true });
    expect(existsSync(join(OUT, 'dashboard.png'))).toBe(true);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('asks for the admin token when the API answers 401, then sends it with every call', async () => {
    // The server side of the token is the admin API's (adminToken); here the browser stands in
    // for it, so the page's part is checked on its own: ask, remember for the tab, send.
    const page = await openPage();
    const seen: (string | undefined)[] = [];
    await page.route('**/_sim/**', (route) => {
      const url = new URL(route.request().url());
      if (/^\/_sim\/(ui|docs)(\/|$)/.test(url.pathname)) return route.continue();
      const given = route.request().headers()['x-sim-admin-token'];
      seen.push(given);
      if (given === 'letmein') return route.continue();
      return route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'the admin API needs the admin token' }),
      });
    });
    await page.goto(`${sims.urls.purecloud}/_sim/ui`);
    await page.waitForSelector('#token-form:not([hidden])');
    expect(await page.textContent('#vendor')).toBe('');
    await page.fill('#token-input', 'letmein');
    await page.click('#token-form button[type="submit"]');
    await expect.poll(() => page.textContent('#vendor')).toBe('purecloud');
    expect(await page.isHidden('#token-form')).toBe(true);
    expect(seen).toContain('letmein');
    expect(seen.slice(seen.indexOf('letmein')).every((t) => t === 'letmein')).toBe(true);
    await page.close();
  });

  it('/_sim/docs renders the vendor contract and the admin API offline', async () => {
    const page = await openPage();
    await page.goto(`${sims.urls.webex}/_sim/docs`);
    await page.waitForSelector('.swagger-ui .info .title', { timeout: 20_000 });
    expect(await page.textContent('.swagger-ui .info .title')).toMatch(/Webex/);
    await page.waitForSelector('.opblock-tag-section', { timeout: 20_000 });
    const tags = await page.locator('.opblock-tag').allTextContents();
    expect(tags.some((t) => t.includes('billing-sim admin'))).toBe(true);
    await page.screenshot({ path: join(OUT, 'docs.png') });
    expect(outside).toEqual([]);
    await page.close();
  });
});
