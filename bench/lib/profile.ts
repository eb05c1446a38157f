import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile (node --cpu-prof) this reader needs. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Top functions by self time. */
  self: { name: string; ms: number; share: number }[];
  /** Self time summed per package (node_modules/<pkg>), project file, or node internal. */
  selfByModule: { name: string; ms: number; share: number }[];
  /**
   * Inclusive share of samples whose stack holds a frame matching each predicate. Beware:
   * Express middleware calls next() synchronously, so a middleware's inclusive time holds
   * every later middleware and the route; compare self times to attribute cost.
   */
  inclusive: Record<string, number>;
}

function moduleOf(url: string): string {
  if (!url) return '(vm/native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:'))
    return (
      'node:' +
      url
        .slice(5)
        .split('/')[0]!
        .replace(/^internal$/, 'internal')
    );
  return shortUrl(url);
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 13);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 6);
  return url.replace(/^file:\/\//, '');
}

/**
 * Self time per function and inclusive time per group (a group matches frames by URL or
 * name), from the sample stream: a sample's weight is its time delta.
 */
export function summarize(
  file: string,
  groups: Record<string, (frame: ProfileNode['callFrame']) => boolean> = {},
  top = 25,
): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<string, number>();
  const moduleMs = new Map<string, number>();
  const groupMs: Record<string, number> = Object.fromEntries(Object.keys(groups).map((g) => [g, 0]));
  let totalMs = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(p.samples[i]!);
    if (!node) continue;
    totalMs += ms;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
    const mod = f.url ? moduleOf(f.url) : f.functionName.startsWith('(') ? f.functionName : '(native)';
    moduleMs.set(mod, (moduleMs.get(mod) ?? 0) + ms);
    const hit = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      for (const [g, match] of Object.entries(groups)) if (!hit.has(g) && match(frame)) hit.add(g);
    }
    for (const g of hit) groupMs[g] = (groupMs[g] ?? 0) + ms;
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
  const self = rank(selfMs);
  const selfByModule = rank(moduleMs);
  const inclusive = Object.fromEntries(Object.entries(groupMs).map(([g, ms]) => [g, ms / totalMs]));
  return { totalMs, self, selfByModule, inclusive };
}
