/** `node dist/bench/report-md.js bench/results/<file>.json` — a results file as Markdown tables. */
import { readFileSync } from 'node:fs';
import { type Results, renderReport } from './lib/report.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node dist/bench/report-md.js <results.json>\n');
  process.exit(2);
}
process.stdout.write(renderReport(JSON.parse(readFileSync(file, 'utf8')) as Results, true));
