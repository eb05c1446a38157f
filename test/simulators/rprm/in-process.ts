import type { Readable } from 'node:stream';
import { SeededData } from '../../../simulators/kernel/index.js';
import { createCdrContext } from '../../../simulators/rprm/data/context.js';
import { loadCdrLayouts } from '../../../simulators/rprm/data/layout.js';
import { type CdrWindow, planWindow } from '../../../simulators/rprm/data/window.js';
import { cdrCsvStreams } from '../../../simulators/rprm/data/zip.js';
import { TimeZone } from '../../../simulators/rprm/data/zone.js';
import { parseCsv } from './support.js';

const layouts = loadCdrLayouts();

export function cdrContext(options: { seed?: number; callsPerDay?: number; cdrVersion?: string } = {}) {
  return createCdrContext(new SeededData(options.seed ?? 1), {
    zone: new TimeZone('America/New_York'),
    callsPerDay: options.callsPerDay ?? 1000,
    clusters: ['dma-east.example.com'],
    unreachableClusters: [],
    layouts: () => layouts,
    version: options.cdrVersion ?? '2',
  });
}

async function text(stream: Readable): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += chunk;
  return out;
}

export interface Table {
  header: string[];
  rows: string[][];
  at(name: string): number;
}

function table(csv: string): Table {
  const [header, ...rows] = parseCsv(csv);
  return { header: header!, rows, at: (name) => header!.indexOf(name) };
}

/** The three files of one export, made in-process (no HTTP), as the ZIP's entries hold them. */
export async function exportTables(
  ctx: ReturnType<typeof cdrContext>,
  from: number,
  to: number,
  asOf: number,
): Promise<{ window: CdrWindow; text: string[]; calls: Table; conferences: Table; counts: Table }> {
  const window = planWindow(ctx, from, to, asOf, Number.MAX_SAFE_INTEGER);
  const files = await Promise.all(cdrCsvStreams(ctx, window, 'hour').map(text));
  return {
    window,
    text: files,
    calls: table(files[0]!),
    conferences: table(files[1]!),
    counts: table(files[2]!),
  };
}

/** The latest instant of a (possibly ITP list) time cell. */
export function latest(cell: string): number {
  return Math.max(...cell.split(',').map(Date.parse));
}
