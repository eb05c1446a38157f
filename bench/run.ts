/**
 * `npm run bench [-- --quick] [--only json,kernel,...] [--no-pin] [--runs N] [--duration S]`
 * Starts each server in turn on 127.0.0.1, loads it from a separate pinned process, prints a
 * table and writes bench/results/<date>.json. See bench/README.md for what each figure means.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Context, type Settings } from './lib/context.js';
import { choosePinning, killAllSync, ROOT } from './lib/proc.js';
import { evaluate, printReport, type Results } from './lib/report.js';
import { cdrStream } from './sections/cdr.js';
import { coldStart } from './sections/cold-start.js';
import { harnessFlows } from './sections/harness.js';
import { jsonEndpoints } from './sections/json.js';
import { kernelOverhead } from './sections/kernel.js';
import { purecloudHistory } from './sections/purecloud-history.js';
import { rateLimited } from './sections/rate-limit.js';

const SECTIONS = [
  'kernel',
  'json',
  'rate-limit',
  'cold-start',
  'cdr',
  'harness',
  'purecloud-history',
] as const;

function parseArgs(argv: string[]): Settings & { out: string | undefined } {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (flag('--help')) {
    process.stdout.write(
      [
        'usage: npm run bench -- [options]',
        '  --quick          about a minute: 1 short run per figure, fewer peers, smaller CDR windows',
        `  --only <list>    comma-separated sections: ${SECTIONS.join(', ')}`,
        '  --runs <n>       measured runs per throughput figure (default 3; quick 1)',
        '  --duration <s>   seconds per run (default 2; quick 1)',
        '  --cdr-sizes <n,…> CDR windows in calls (default 100000,1000000; quick 10000,100000)',
        '  --no-pin         do not pin server and load generator to separate cores',
        '  --profile <dir>  run every Node server under --cpu-prof, profiles into <dir>',
        '                   (read them with node dist/bench/profile.js <file>)',
        '  --out <file>     results file (default bench/results/<date>.json)',
        '',
      ].join('\n'),
    );
    process.exit(0);
  }
  const quick = flag('--quick');
  const only = (value('--only') ?? '').split(',').filter(Boolean);
  for (const s of only)
    if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section ${s}`);
  return {
    quick,
    durationSec: Number(value('--duration') ?? (quick ? 1 : 2)),
    warmupSec: quick ? 0.3 : 1,
    runs: Number(value('--runs') ?? (quick ? 1 : 3)),
    connections: [1, 50],
    pin: choosePinning(flag('--no-pin')),
    only,
    cdrSizes: value('--cdr-sizes')?.split(',').map(Number),
    profileDir: value('--profile') ? resolve(value('--profile')!) : undefined,
    out: value('--out'),
  };
}

async function main(): Promise<void> {
  const { out, ...settings } = parseArgs(process.argv.slice(2));
  const ctx = new Context(settings);
  const started = new Date();
  const want = (s: string) => settings.only.length === 0 || settings.only.includes(s);
  const results: Results = {
    date: started.toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      memoryMb: Math.round(totalmem() / 2 ** 20),
      node: process.version,
      loadAverageAtStart: loadavg(),
      pinning: settings.pin,
    },
    settings,
    notes: ctx.notes,
  };
  ctx.log(
    `billing-sim bench — ${settings.quick ? 'quick' : 'full'}, ${settings.runs}×${settings.durationSec}s per figure, ` +
      `server core ${settings.pin.server ?? 'any'}, load core ${settings.pin.load ?? 'any'}, load avg ${loadavg()[0]?.toFixed(2)}`,
  );
  try {
    if (want('kernel')) results.kernel = await kernelOverhead(ctx);
    if (want('json')) results.json = await jsonEndpoints(ctx);
    if (want('rate-limit')) results.rateLimit = await rateLimited(ctx);
    if (want('cold-start')) results.coldStart = await coldStart(ctx);
    if (want('cdr')) results.cdr = await cdrStream(ctx);
    if (want('harness')) results.harness = await harnessFlows(ctx);
    if (want('purecloud-history')) results.purecloudHistory = await purecloudHistory(ctx);
  } finally {
    killAllSync();
    ctx.cleanup();
  }
  results.elapsedSec = (Date.now() - started.getTime()) / 1000;
  results.targets = evaluate(results);
  printReport(results);
  const file =
    out ?? join(ROOT, 'bench', 'results', `${started.toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nresults: ${file}\n`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllSync();
    process.exit(130);
  });
}

main().catch((e: unknown) => {
  killAllSync();
  process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
