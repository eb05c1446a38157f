/**
 * `node dist/bench/profile.js <file.cpuprofile> [--requests N] [group=regex ...]` — top self time and the
 * inclusive share of each group (frames whose URL or function name matches the regex).
 * Used to find where a missed target's time goes (see bench/README.md).
 */
import { summarize } from './lib/profile.js';

// Piped into head: stop quietly when the reader goes away.
process.stdout.on('error', () => process.exit(0));

const argv = process.argv.slice(2);
// --requests N: also print µs per request (the requests the server answered while profiled).
const at = argv.indexOf('--requests');
const requests = at >= 0 ? Number(argv.splice(at, 2)[1]) : undefined;
const [file, ...rest] = argv;
if (!file) {
  process.stderr.write(
    'usage: node dist/bench/profile.js <file.cpuprofile> [--requests N] [name=regex ...]\n',
  );
  process.exit(2);
}
const groups = Object.fromEntries(
  rest.map((arg) => {
    const eq = arg.indexOf('=');
    const re = new RegExp(arg.slice(eq + 1));
    return [
      arg.slice(0, eq),
      (f: { url: string; functionName: string }) => re.test(`${f.url} ${f.functionName}`),
    ];
  }),
);
const s = summarize(file, groups, 30);
process.stdout.write(`total ${s.totalMs.toFixed(0)} ms sampled\n\ninclusive:\n`);
const perRequest = (ms: number) =>
  requests ? `  ${((ms * 1000) / requests).toFixed(1).padStart(7)} µs/req` : '';
for (const [g, share] of Object.entries(s.inclusive))
  process.stdout.write(`  ${(share * 100).toFixed(1).padStart(5)}%${perRequest(share * s.totalMs)}  ${g}\n`);
process.stdout.write('\nself by module:\n');
for (const f of s.selfByModule)
  process.stdout.write(
    `  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.ms.toFixed(0).padStart(6)} ms${perRequest(f.ms)}  ${f.name}\n`,
  );
process.stdout.write('\nself:\n');
for (const f of s.self)
  process.stdout.write(
    `  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}\n`,
  );
