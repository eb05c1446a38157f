import type { OrgHistory } from './history.js';

/**
 * The billable-usage report as a projection of the org's history: every licence or device
 * observation with its instant in [start, end] and before the report's data cut-off, grouped
 * by charge name (sorted), resources in order of first observation. Rendered straight to JSON
 * text from the history's pre-rendered observations.
 */
export function usagesJson(history: OrgHistory, start: number, end: number, cutoff: number): string {
  const groups: { name: string; parts: string[]; total: number }[] = [];
  history.observedProducts.forEach((product, p) => {
    const slices = history.slices(p, start, end, cutoff);
    if (slices.length === 0) return;
    const parts: string[] = [];
    let total = 0;
    for (const s of slices) {
      total += s.hi - s.lo;
      parts.push(
        s.lo === 0 && s.hi === s.month.json.length
          ? s.month.json.join(',')
          : s.month.json.slice(s.lo, s.hi).join(','),
      );
    }
    groups.push({ name: product.name, parts, total });
  });
  groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let out = '[';
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (i > 0) out += ',';
    out += `{"name":${JSON.stringify(g.name)},"totalUsage":"${g.total}","resources":[${g.parts.join(',')}]}`;
  }
  return `${out}]`;
}

/** Licence/device counts per charge name for [start, end] before `cutoff`. */
export function usageCounts(
  history: OrgHistory,
  start: number,
  end: number,
  cutoff: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  history.observedProducts.forEach((product, p) => {
    counts.set(product.name, history.count(p, start, end, cutoff));
  });
  return counts;
}
