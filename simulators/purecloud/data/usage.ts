import type { OrgHistory } from './history.js';

/**
 * The billable-usage report as a projection of the org's history: every licence or device
 * observation with its instant in [start, end] and before the report's data cut-off, grouped
 * by charge name (sorted), resources in order of first observation. Assembled from sub-arrays
 * of the history's pre-rendered month bytes: no object or string per resource.
 */
export function usagesJson(history: OrgHistory, start: number, end: number, cutoff: number): Buffer {
  const groups: { name: string; parts: Buffer[]; total: number }[] = [];
  history.observedProducts.forEach((product, p) => {
    const slices = history.slices(p, start, end, cutoff);
    if (slices.length === 0) return;
    const parts: Buffer[] = [];
    let total = 0;
    for (const s of slices) {
      total += s.hi - s.lo;
      if (parts.length > 0) parts.push(COMMA);
      parts.push(s.month.bytes.subarray(s.month.offsets[s.lo]!, s.month.offsets[s.hi]! - 1));
    }
    groups.push({ name: product.name, parts, total });
  });
  groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: Buffer[] = [OPEN];
  groups.forEach((g, i) => {
    out.push(
      Buffer.from(
        `${i > 0 ? ',' : ''}{"name":${JSON.stringify(g.name)},"totalUsage":"${g.total}","resources":[`,
      ),
      ...g.parts,
      CLOSE_GROUP,
    );
  });
  out.push(CLOSE);
  return Buffer.concat(out);
}

const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE_GROUP = Buffer.from(']}');
const CLOSE = Buffer.from(']');
