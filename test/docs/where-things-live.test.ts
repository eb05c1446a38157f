import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/files.js';
import { PLUGINS } from '../../simulators/registry.js';

const root = packageRoot();

/** The backticked first-column paths of a doc's `## Where things live` table. */
function whereThingsLive(markdown: string): string[] {
  const start = markdown.search(/^## Where things live\s*$/m);
  if (start < 0) return [];
  const rest = markdown.slice(start).split('\n').slice(1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  return (end < 0 ? rest : rest.slice(0, end))
    .map((l) => /^\|\s*`([^`]+)`\s*\|/.exec(l)?.[1])
    .filter((p): p is string => p !== undefined);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => relative(root, f).split('\\').join('/'));
}

describe.each(PLUGINS.map((p) => [p.name, p] as const))('docs of %s: where things live', (_name, plugin) => {
  const listed = whereThingsLive(readFileSync(join(root, plugin.doc), 'utf8'));

  it('has the table, and every path in it exists', () => {
    expect(listed.length).toBeGreaterThan(0);
    for (const path of listed) expect(existsSync(join(root, path)), `${plugin.doc} lists ${path}`).toBe(true);
  });

  it(`lists every file of simulators/${plugin.name}/ (itself or its folder)`, () => {
    const folders = listed.filter((p) => p.endsWith('/'));
    for (const file of filesUnder(join(root, 'simulators', plugin.name))) {
      const covered = listed.includes(file) || folders.some((f) => file.startsWith(f));
      expect(covered, `${plugin.doc} does not list ${file}`).toBe(true);
    }
  });

  it('lists its contract, its CSV layouts and its flows', async () => {
    for (const path of [plugin.contracts.openapi, ...plugin.contracts.csv])
      expect(listed, `${plugin.doc} does not list ${path}`).toContain(path);
    expect(listed.some((p) => p.startsWith(`harness/flows/${plugin.name}`))).toBe(true);
  });
});
