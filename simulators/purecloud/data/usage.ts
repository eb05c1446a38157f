import type { OrgHistory } from './history.js';
import { rowsLength, writeRows } from './observations.js';

const EMPTY = Buffer.alloc(0);

/** A report laid out: its byte size is known before a byte is written. */
export interface UsageReport {
  size: number;
  /** Writes the report's `size` bytes into `out` from offset 0. */
  writeInto(out: Buffer): void;
}

/**
 * The billable-usage report as a projection of the org's history: every licence or device
 * observation with its instant in [start, end] and before the report's data cut-off, grouped
 * by charge name (sorted), resources in order of first observation. Its size is known from the
 * months' row offsets, so it is written once into one buffer (between `head` and `tail`, the
 * bytes a response puts around it): no object or string per resource, no second copy.
 */
export function usageReport(
  history: OrgHistory,
  start: number,
  end: number,
  cutoff: number,
  head: Buffer = EMPTY,
  tail: Buffer = EMPTY,
): UsageReport {
  const groups = history.observedProducts
    .map((product, p) => ({ name: product.name, slices: history.slices(p, start, end, cutoff) }))
    .filter((g) => g.slices.length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let size = head.length + tail.length + 2; // [ ]
  const opens = groups.map((g, i) => {
    let total = 0;
    for (const s of g.slices) {
      total += s.hi - s.lo;
      size += rowsLength(s.month, s.lo, s.hi);
    }
    const open = `${i > 0 ? ',' : ''}{"name":${JSON.stringify(g.name)},"totalUsage":"${total}","resources":[`;
    size += Buffer.byteLength(open) + g.slices.length - 1 + 2; // commas between months, ]}
    return open;
  });
  const writeInto = (out: Buffer): void => {
    const view = new DataView(out.buffer, out.byteOffset, out.length);
    const names = history.namePrefixes();
    let o = head.copy(out, 0);
    out[o++] = 0x5b; // [
    groups.forEach((g, i) => {
      o += out.write(opens[i]!, o);
      g.slices.forEach((s, k) => {
        if (k > 0) out[o++] = 0x2c; // ,
        o = writeRows(names, s.month, s.lo, s.hi, out, view, o);
      });
      out[o++] = 0x5d; // ]
      out[o++] = 0x7d; // }
    });
    out[o++] = 0x5d; // ]
    o += tail.copy(out, o);
    if (o !== size) throw new Error(`billable usage: wrote ${o} of ${size} bytes`);
  };
  return { size, writeInto };
}

/** The report (between `head` and `tail`) in a buffer of its own. */
export function usagesJson(
  history: OrgHistory,
  start: number,
  end: number,
  cutoff: number,
  head: Buffer = EMPTY,
  tail: Buffer = EMPTY,
): Buffer {
  const report = usageReport(history, start, end, cutoff, head, tail);
  const out = Buffer.allocUnsafe(report.size);
  report.writeInto(out);
  return out;
}
