import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/index.js';
import { compareRecording } from '../../harness/drift/drift.js';
import { renderDriftJson, renderDriftMarkdown } from '../../harness/drift/render.js';
import type { Har } from '../../harness/record/har.js';
import { copyRecording, recordEmbeddedRun } from './support/recording.js';

let root: string;
let recording: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'harness-drift-'));
  recording = join(root, 'untouched');
  const { report } = await recordEmbeddedRun(recording);
  expect(report.passed).toBe(true);
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A copy of the recording with `edit` applied to its HAR. */
async function tampered(name: string, edit: (har: Har) => void): Promise<string> {
  const dir = join(root, name);
  await copyRecording(recording, dir);
  const har = JSON.parse(await readFile(join(dir, 'billing-sim.har'), 'utf8')) as Har;
  edit(har);
  await writeFile(join(dir, 'billing-sim.har'), JSON.stringify(har));
  return dir;
}

function statusEntries(har: Har) {
  return har.log.entries.filter(
    (e) => e.request.url.includes('/api/rest/billing/status') && e.response.status === 200,
  );
}

describe('billing-sim drift', () => {
  it('finds no drift in an untouched recording of the simulators', async () => {
    const report = await compareRecording(recording);
    expect(report.drift).toEqual([]);
    expect(report.compared).toBeGreaterThan(20);
    expect(report.files).toBeGreaterThanOrEqual(3);
    expect(renderDriftMarkdown(report)).toContain('No drift');
  });

  it('reports exactly the field renamed in one response', async () => {
    const dir = await tampered('renamed', (har) => {
      const entry = statusEntries(har)[0]!;
      const body = JSON.parse(entry.response.content.text!);
      body.statusKind = body.statusType;
      delete body.statusType;
      entry.response.content.text = JSON.stringify(body);
    });
    const report = await compareRecording(dir);
    expect(report.drift).toEqual([
      {
        kind: 'field',
        vendor: 'rprm',
        where: 'GET /api/rest/billing/status 200',
        path: '$.statusKind',
        message: 'field seen that the contract lacks',
        seen: 1,
      },
    ]);
    const md = renderDriftMarkdown(report);
    expect(md).toContain('## Fields seen that the contract lacks');
    expect(md).toContain('`$.statusKind`');
    expect(JSON.parse(renderDriftJson(report)).drift).toHaveLength(1);
  });

  it('reports a field renamed everywhere as unknown, and the contract field as never seen', async () => {
    const dir = await tampered('renamed-everywhere', (har) => {
      for (const entry of statusEntries(har)) {
        const body = JSON.parse(entry.response.content.text!);
        body.statusKind = body.statusType;
        delete body.statusType;
        entry.response.content.text = JSON.stringify(body);
      }
    });
    const report = await compareRecording(dir);
    expect(report.drift.map((d) => [d.kind, d.path])).toEqual([
      ['field', '$.statusKind'],
      ['required', '$.statusType'],
    ]);
  });

  it('reports enum values, undeclared statuses and headers', async () => {
    const dir = await tampered('various', (har) => {
      const [first, second] = statusEntries(har);
      const body = JSON.parse(first!.response.content.text!);
      body.statusType = 'GENERATION_PAUSED';
      first!.response.content.text = JSON.stringify(body);
      second!.response.headers.push({ name: 'x-cdn-pop', value: 'fra1' });
      const token = har.log.entries.find((e) => e.request.url.endsWith('/oauth/token'))!;
      token.response.status = 299;
    });
    const report = await compareRecording(dir);
    expect(report.drift.map((d) => [d.kind, d.where, d.path, d.values])).toEqual([
      ['status', 'POST /oauth/token', 'status', undefined],
      ['enum', 'GET /api/rest/billing/status 200', '$.statusType', ['"GENERATION_PAUSED"']],
      ['header', 'GET /api/rest/billing/status 200', 'header:x-cdn-pop', undefined],
    ]);
  });

  it('reports a CSV column renamed in a recorded file', async () => {
    const dir = await tampered('csv', () => {});
    const har = JSON.parse(await readFile(join(dir, 'billing-sim.har'), 'utf8')) as Har;
    const file = har.log.entries.find((e) => e.response.content._file?.endsWith('.csv'))!.response.content
      ._file!;
    const text = await readFile(join(dir, file), 'utf8');
    const [header, ...rest] = text.split('\n');
    const columns = header!.split(',');
    const renamed = columns[1]!;
    columns[1] = 'renamedColumn';
    await writeFile(join(dir, file), [columns.join(','), ...rest].join('\n'));
    const report = await compareRecording(dir);
    expect(report.drift.map((d) => [d.kind, d.path])).toEqual([
      ['csv-column', 'renamedColumn'],
      ['csv-missing-column', renamed],
    ]);
  });

  it('the compiled CLI exits 0 without drift, 1 with drift (Markdown or JSON), 2 without a recording', async () => {
    const bin = join(packageRoot(), 'bin', 'billing-sim.js');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [bin, 'drift', ...args], { encoding: 'utf8' });
    const clean = cli(recording);
    expect([clean.status, clean.stderr]).toEqual([0, '']);
    expect(clean.stdout).toContain('No drift');
    const dir = await tampered('cli', (har) => {
      const entry = statusEntries(har)[0]!;
      entry.response.content.text = entry.response.content.text!.replace('"statusType"', '"statusKind"');
    });
    const md = cli(dir);
    expect(md.status).toBe(1);
    expect(md.stdout).toContain('| rprm | GET /api/rest/billing/status 200 | `$.statusKind` | 1 |');
    const out = join(root, 'cli-out');
    await mkdir(out);
    const json = cli(dir, '--format', 'json', '--out', out);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).drift).toHaveLength(1);
    expect(JSON.parse(await readFile(join(out, 'drift.json'), 'utf8')).drift[0].path).toBe('$.statusKind');
    const none = cli(root);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('holds no billing-sim.har');
    // Four CLI processes: slow on a shared two-core machine.
  }, 120_000);
});
