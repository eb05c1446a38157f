import type { CdrResult } from '../sections/cdr.js';
import type { ColdStartResult } from '../sections/cold-start.js';
import type { HarnessResult } from '../sections/harness.js';
import type { JsonResult } from '../sections/json.js';
import type { KernelResult } from '../sections/kernel.js';
import type { PureCloudHistoryResult } from '../sections/purecloud-history.js';
import type { RateLimitResult } from '../sections/rate-limit.js';
import type { SoakResult } from '../sections/soak.js';
import type { Settings } from './context.js';
import { fmtNum, fmtRatio, fmtSpread, ratio } from './stats.js';

export interface Results {
  date: string;
  machine: Record<string, unknown>;
  settings: Settings;
  notes: string[];
  kernel?: KernelResult;
  json?: JsonResult;
  rateLimit?: RateLimitResult;
  coldStart?: ColdStartResult;
  cdr?: CdrResult;
  harness?: HarnessResult;
  soak?: SoakResult;
  purecloudHistory?: PureCloudHistoryResult;
  elapsedSec?: number;
  targets?: TargetCheck[];
}

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean | undefined;
}

const rps = (r: JsonResult['endpoints'][number], server: string, c: number) =>
  r.servers[server]?.figures[c]?.rps.median;
const p99 = (r: JsonResult['endpoints'][number], server: string, c: number) =>
  r.servers[server]?.figures[c]?.p99;

/** The targets, each against the figure measured in this run. */
export function evaluate(results: Results): TargetCheck[] {
  const out: TargetCheck[] = [];
  // A check whose figure was not measured (quick mode, a peer that failed) is left out.
  const atLeast = (target: string, value: number | undefined, min: number, fmt = fmtRatio) => {
    if (value !== undefined) out.push({ target, value: fmt(value), met: value >= min });
  };
  const k = results.kernel;
  if (k)
    for (const c of ['1', '50'])
      atLeast(`kernel empty route ≥ 90% of bare Express, c=${c}`, k.ratios.kernel?.[c], 0.9);
  for (const e of results.json?.endpoints ?? []) {
    const n = e.label;
    // Issue 14: ≥ 120 % of a stock Express route serving the same bytes at c = 1, ≥ 2× at c = 50.
    atLeast(`${n}: ≥ 120% of Express, c=1`, e.vsExpress['billing-sim']?.[1], 1.2);
    atLeast(`${n}: ≥ 2× Express, c=50`, e.vsExpress['billing-sim']?.[50], 2);
    const x = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(2)}×`);
    atLeast(`${n}: ≥ 3× Prism default, c=50`, ratio(rps(e, 'billing-sim', 50), rps(e, 'prism', 50)), 3, x);
    atLeast(
      `${n}: ≥ 6× Prism -v silent, c=50`,
      ratio(rps(e, 'billing-sim', 50), rps(e, 'prism -v silent', 50)),
      6,
      x,
    );
    for (const w of ['wiremock', 'wiremock --no-request-journal'])
      atLeast(`${n}: ≥ ${w}, c=1`, ratio(rps(e, 'billing-sim', 1), rps(e, w, 1)), 1, x);
    for (const p of ['prism', 'prism -v silent']) {
      const mine = p99(e, 'billing-sim', 50);
      const theirs = p99(e, p, 50);
      if (mine === undefined || theirs === undefined) continue;
      out.push({
        target: `${n}: p99 below ${p}'s, c=50`,
        value: `${fmtNum(mine)} ms vs ${fmtNum(theirs)} ms`,
        met: mine < theirs,
      });
    }
  }
  const ph = results.purecloudHistory;
  if (ph) {
    out.push({
      target: 'purecloud: a year of billable usage, 10,000 users ≤ 3× JSON.stringify of the report',
      value: `${ph.generation.coldVsStringify.toFixed(2)}×`,
      met: ph.generation.coldVsStringify <= 3,
    });
    out.push({
      target: 'purecloud: 1,000 distinct ranges on one org add < 20 MB RSS',
      value: `${ph.ranges.addedMb.toFixed(1)} MB`,
      met: ph.ranges.addedMb < 20,
    });
  }
  const h = results.harness;
  if (h?.recordRatio !== undefined)
    out.push({
      target: 'harness: flows --record ≤ 150% of flows',
      value: fmtRatio(h.recordRatio),
      met: h.recordRatio <= 1.5,
    });
  if (h?.vsBefore !== undefined)
    out.push({
      target: 'harness: flows within 10% of before',
      value: fmtRatio(h.vsBefore),
      met: h.vsBefore <= 1.1,
    });
  const rss = results.json?.simPeakRssMb;
  if (rss !== undefined)
    out.push({
      target: 'billing-sim peak RSS under c=50 load ≤ 150 MB (journal on)',
      value: `${rss.toFixed(0)} MB`,
      met: rss <= 150,
    });
  for (const r of results.rateLimit?.endpoints ?? []) {
    const e = results.json?.endpoints.find((x) => x.label === r.label);
    const c = r.figure.connections;
    atLeast(
      `${r.label}: 429 path ≥ 200 path, c=${c}`,
      ratio(r.figure.rps.median, e && rps(e, 'billing-sim', c)),
      1,
    );
  }
  const kr = k?.servers['kernel-429']?.figures['50']?.rps.median;
  if (kr !== undefined)
    atLeast(
      'kernel empty route: 429 path ≥ 200 path, c=50',
      ratio(kr, k?.servers.kernel?.figures['50']?.rps.median),
      1,
    );
  const cs = results.coldStart?.servers['billing-sim serve'];
  const ex = results.coldStart?.servers.express;
  if (cs && ex)
    out.push({
      target: `cold start billing-sim serve (${results.coldStart?.simulators.join(', ')}) ≤ 1.2× a bare Express app's, median`,
      value: `${cs.median.toFixed(0)} vs ${ex.median.toFixed(0)} ms = ${(cs.median / ex.median).toFixed(2)}×`,
      met: cs.median <= 1.2 * ex.median,
    });
  const cdr = results.cdr;
  if (cdr?.windows.length) {
    for (const w of cdr.windows) {
      atLeast(`CDR ${fmtNum(w.calls)} calls: CSV MB/s ≥ 95% of zlib deflate-raw`, w.vsZlib, 0.95);
      out.push({
        target: `CDR ${fmtNum(w.calls)} calls: first byte < 50 ms (first download after start)`,
        value: `${w.ttfbMs.toFixed(1)} ms`,
        met: w.ttfbMs < 50,
      });
    }
    if (cdr.rssGrowthMb !== undefined)
      out.push({
        target: 'CDR peak RSS at the largest window within 30 MB of the smallest',
        value: `${cdr.rssGrowthMb >= 0 ? '+' : ''}${cdr.rssGrowthMb.toFixed(1)} MB`,
        met: cdr.rssGrowthMb <= 30,
      });
  }
  const soak = results.soak;
  if (soak)
    out.push({
      target: `soak: RSS growth ≤ ${soak.boundMb} MB after ${soak.secondsPerPhase} s logins + ${soak.secondsPerPhase} s distinct report ranges`,
      value: `${fmtNum(soak.growthMb, 1)} MB (${fmtNum(soak.startRssMb)} → ${fmtNum(soak.endRssMb)} MB)`,
      met: soak.growthMb <= soak.boundMb,
    });
  return out;
}

function mdTable(rows: string[][]): string {
  const line = (r: string[]) => `| ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  const align = rows[0]!.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(rows[0]!), line(align), ...rows.slice(1).map(line)].join('\n');
}

function textTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r, j) => {
      const line = r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ');
      return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

export function printReport(results: Results): void {
  process.stdout.write(renderReport(results, false));
}

/** The run as text tables (console) or Markdown tables (for bench/README.md: `node dist/bench/report-md.js`). */
export function renderReport(results: Results, markdown: boolean): string {
  let text = '';
  const w = (s: string) => {
    text += markdown && s.startsWith('\n') && !s.startsWith('\n  ') ? `\n#### ${s.slice(1)}\n\n` : `${s}\n`;
  };
  const table = markdown ? mdTable : textTable;
  const k = results.kernel;
  if (k) {
    w('\nKernel middleware on an empty route (req/s median (min–max); ratio to bare Express)');
    const rows = [
      ['server', 'c=1', 'ratio', 'CPU/req', 'c=50', 'ratio', 'CPU/req', 'p99 c=50', 'RSS idle', 'peak RSS'],
    ];
    for (const [name, m] of Object.entries(k.servers))
      rows.push([
        name,
        m.figures['1'] ? fmtSpread(m.figures['1'].rps) : '—',
        fmtRatio(k.ratios[name]?.['1']),
        `${fmtNum(m.figures['1']?.cpuUsPerRequest)} µs`,
        m.figures['50'] ? fmtSpread(m.figures['50'].rps) : '—',
        fmtRatio(k.ratios[name]?.['50']),
        `${fmtNum(m.figures['50']?.cpuUsPerRequest)} µs`,
        `${fmtNum(m.figures['50']?.p99)} ms`,
        `${fmtNum(m.idleRssMb)} MB`,
        `${fmtNum(m.peakRssMb)} MB`,
      ]);
    w(table(rows));
  }
  for (const e of results.json?.endpoints ?? []) {
    w(`\n${e.label} — ${e.pathAndQuery} (${e.payloadBytes} B of JSON)`);
    const rows = [
      [
        'server',
        'c=1 req/s',
        'p50/p99',
        '/bare',
        '/express',
        'c=50 req/s',
        'p50/p99',
        '/bare',
        '/express',
        'CPU/req c=50',
        'RSS idle→peak',
        'status',
      ],
    ];
    for (const [name, m] of Object.entries(e.servers)) {
      const f1 = m.figures['1'];
      const f50 = m.figures['50'];
      rows.push([
        name,
        f1 ? `${fmtNum(f1.rps.median)} (${fmtNum(f1.rps.min)}–${fmtNum(f1.rps.max)})` : '—',
        f1 ? `${f1.p50}/${f1.p99} ms` : '—',
        fmtRatio(e.vsBare[name]?.['1']),
        fmtRatio(e.vsExpress[name]?.['1']),
        f50 ? `${fmtNum(f50.rps.median)} (${fmtNum(f50.rps.min)}–${fmtNum(f50.rps.max)})` : '—',
        f50 ? `${f50.p50}/${f50.p99} ms` : '—',
        fmtRatio(e.vsBare[name]?.['50']),
        fmtRatio(e.vsExpress[name]?.['50']),
        `${fmtNum(f50?.cpuUsPerRequest)} µs`,
        `${fmtNum(m.idleRssMb)}→${fmtNum(m.peakRssMb)} MB`,
        [...new Set(Object.values(m.figures).flatMap((f) => Object.keys(f.statusCodes)))].join('/'),
      ]);
    }
    w(table(rows));
  }
  const rl = results.rateLimit;
  if (rl?.endpoints.length) {
    w('\nRate-limited path (limiter rejecting)');
    w(
      table([
        ['endpoint', 'req/s', 'p99', 'CPU/req', '429 share'],
        ...rl.endpoints.map((r) => [
          `${r.label} c=${r.figure.connections}`,
          fmtNum(r.figure.rps.median),
          `${r.figure.p99} ms`,
          `${fmtNum(r.figure.cpuUsPerRequest)} µs`,
          fmtRatio(r.share429),
        ]),
      ]),
    );
  }
  const cs = results.coldStart;
  if (cs) {
    w('\nCold start: spawn → first 200 (ms, median (min–max))');
    w(
      table([
        ['server', 'median', 'min', 'max'],
        ...Object.entries(cs.servers).map(([n, s]) => [n, fmtNum(s.median), fmtNum(s.min), fmtNum(s.max)]),
      ]),
    );
  }
  const cdr = results.cdr;
  if (cdr?.windows.length) {
    w('\nCDR stream (download-cdrs ZIP over HTTP) vs zlib deflate-raw level 6 of the same rows');
    w(
      table([
        [
          'calls',
          'CSV MB',
          'ZIP MB',
          'first byte cold/warm',
          'CSV MB/s',
          'ZIP MB/s',
          'zlib CSV MB/s',
          'ratio',
          'ZIP no-HTTP MB/s',
          'peak RSS',
          'zlib RSS',
        ],
        ...cdr.windows.map((x) => [
          fmtNum(x.calls),
          fmtNum(x.csvBytes / 1e6, 1),
          fmtNum(x.zipBytes / 1e6, 1),
          `${x.ttfbMs.toFixed(1)}/${x.warmTtfbMs.toFixed(1)} ms`,
          fmtNum(x.csvMBps, 1),
          fmtNum(x.zipMBps, 1),
          fmtNum(x.zlib?.csvMBps, 1),
          fmtRatio(x.vsZlib),
          fmtNum(x.zipInProcess?.csvMBps, 1),
          `${fmtNum(x.peakRssMb)} MB`,
          `${fmtNum(x.zlib?.peakRssMb)} MB`,
        ]),
      ]),
    );
  }
  const h = results.harness;
  if (h?.wallMs) {
    w('\nHarness: billing-sim flows, all vendors, zero generation delay');
    w(
      `  wall ${fmtNum(h.wallMs.median)} ms (${fmtNum(h.wallMs.min)}–${fmtNum(h.wallMs.max)}), exit ${h.exitCodes.join('/')}; ` +
        `contract validation ${fmtNum(h.validationMs)} of ${fmtNum(h.profiledCpuMs)} CPU ms (${fmtRatio(h.validationShare)})`,
    );
    if (h.recordWallMs)
      w(
        `  --record ${fmtNum(h.recordWallMs.median)} ms (${fmtNum(h.recordWallMs.min)}–${fmtNum(h.recordWallMs.max)}), ${fmtRatio(h.recordRatio)} of flows`,
      );
    if (h.beforeWallMs)
      w(
        `  before (${h.beforeCli}) ${fmtNum(h.beforeWallMs.median)} ms (${fmtNum(h.beforeWallMs.min)}–${fmtNum(h.beforeWallMs.max)}); flows is ${fmtRatio(h.vsBefore)} of it`,
      );
  }
  if (results.targets?.length) {
    w('\nTargets');
    w(
      table([
        ['target', 'measured', 'met'],
        ...results.targets.map((t) => [
          t.target,
          t.value,
          t.met === undefined ? 'n/a' : t.met ? 'yes' : 'NO',
        ]),
      ]),
    );
  }
  if (results.notes.length) {
    w('\nNotes');
    for (const n of results.notes) w(`  - ${n}`);
  }
  return text;
}
