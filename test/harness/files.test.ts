import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ZipStream from 'zip-stream';
import { CsvContracts } from '../../contracts/index.js';
import { checkCsv } from '../../harness/validation/csv-check.js';
import { SpooledZip } from '../../harness/validation/zip.js';

let dir: string;
let contracts: CsvContracts;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-files-test-'));
  await writeFile(
    join(dir, 'usage.csv.yaml'),
    [
      'name: usage',
      'columns:',
      '  - { name: customer, required: true }',
      '  - { name: sku, required: true }',
      '  - { name: quantity, required: true, schema: { type: integer, minimum: 0 } }',
    ].join('\n'),
  );
  contracts = new CsvContracts(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkCsv', () => {
  it('streams rows by column name and finds nothing in a good file', async () => {
    const rows: Record<string, string>[] = [];
    const result = await checkCsv(
      Readable.from(['customer,sku,quantity\n', 'acme,"A, B",3\n', 'globex,C,0\n']),
      contracts.get('usage'),
      'parse',
      (row) => rows.push(row),
    );
    expect(result).toEqual({ rows: 2, findings: [], dropped: 0 });
    expect(rows).toEqual([
      { customer: 'acme', sku: 'A, B', quantity: '3' },
      { customer: 'globex', sku: 'C', quantity: '0' },
    ]);
  });

  it('reports a wrong header, bad cells with their line, and short rows', async () => {
    const result = await checkCsv(
      Readable.from('customer,quantity,sku\nacme,x,-1\nacme,A\n'),
      contracts.get('usage'),
      'parse',
      () => {},
    );
    expect(result.findings).toEqual([
      { severity: 'error', step: 'parse', path: 'usage:header', message: 'columns out of order' },
      { severity: 'error', step: 'parse', path: 'usage:2/quantity', message: 'must be >= 0' },
      { severity: 'error', step: 'parse', path: 'usage:3', message: 'row has 2 cells, expected 3' },
    ]);
  });

  it('caps the findings it lists and counts the rest', async () => {
    const body = `customer,sku,quantity\n${'acme,A,x\n'.repeat(20)}`;
    const result = await checkCsv(Readable.from(body), contracts.get('usage'), 'parse', () => {}, 5);
    expect(result.findings).toHaveLength(5);
    expect(result.dropped).toBe(15);
  });

  it('ends with a finding, not a throw, on a broken quote or a stream error', async () => {
    const broken = await checkCsv(
      Readable.from('customer,sku,quantity\n"acme,A,1\n'),
      contracts.get('usage'),
      'parse',
      () => {},
    );
    expect(broken.findings[0]).toMatchObject({
      path: 'usage:2',
      message: expect.stringMatching(/^unreadable CSV: /),
    });
    const failing = new Readable({ read() {} });
    const pending = checkCsv(failing, contracts.get('usage'), 'parse', () => {});
    failing.push('customer,sku,quantity\nacme,A,1\n');
    setImmediate(() => failing.destroy(new Error('body cut off after 30 bytes')));
    const cut = await pending;
    expect(cut.findings.at(-1)?.message).toBe('unreadable CSV: body cut off after 30 bytes');
  });

  it('flags an empty file', async () => {
    const result = await checkCsv(Readable.from(''), contracts.get('usage'), 'parse', () => {});
    expect(result.findings).toEqual([
      {
        severity: 'error',
        step: 'parse',
        path: 'usage:header',
        message: 'the file is empty (no header row)',
      },
    ]);
  });
});

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const archive = new ZipStream();
  const chunks: Buffer[] = [];
  archive.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => archive.on('end', resolve));
  for (const [name, text] of Object.entries(files))
    await new Promise<void>((resolve, reject) =>
      archive.entry(text, { name }, (error) => (error ? reject(error) : resolve())),
    );
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

describe('SpooledZip', () => {
  it('lists and streams the entries of a downloaded ZIP, then cleans up', async () => {
    const zip = await SpooledZip.from(Readable.from([await zipOf({ 'a.csv': 'x\n1\n', 'b.csv': 'y\n2\n' })]));
    expect(await zip.entries()).toEqual(['a.csv', 'b.csv']);
    const seen: Record<string, string> = {};
    await zip.read(async (name, stream) => {
      const parts: Buffer[] = [];
      for await (const c of stream) parts.push(c as Buffer);
      seen[name] = Buffer.concat(parts).toString();
    });
    expect(seen).toEqual({ 'a.csv': 'x\n1\n', 'b.csv': 'y\n2\n' });
    await zip.dispose();
    await expect(readFile(zip.file)).rejects.toThrow(/ENOENT/);
  });

  it('says precisely that a truncated archive is not a readable ZIP', async () => {
    const whole = await zipOf({ 'a.csv': 'x\n1\n'.repeat(100) });
    const zip = await SpooledZip.from(Readable.from([whole.subarray(0, 60)]));
    await expect(zip.entries()).rejects.toThrow(
      /^not a readable ZIP \(60 bytes\): End of central directory record signature not found/,
    );
    await zip.dispose();
  });
});

describe('FindingList', () => {
  it('counts a repeated finding once, and drops errors and warnings beyond the limit separately', async () => {
    const { FindingList } = await import('../../harness/validation/findings.js');
    const list = new FindingList(2);
    const warn = {
      severity: 'warning' as const,
      step: 's',
      path: 'header:x',
      message: 'header is not declared',
    };
    list.add(warn, warn, warn);
    list.add({ severity: 'error', step: 's', path: '$.a', message: 'must be integer' });
    list.add({ severity: 'error', step: 's', path: '$.b', message: 'must be integer' });
    list.add({ ...warn, path: 'header:y' });
    expect(list.items).toEqual([
      { ...warn, times: 3 },
      { severity: 'error', step: 's', path: '$.a', message: 'must be integer' },
    ]);
    expect([list.droppedErrors, list.droppedWarnings, list.hasErrors]).toEqual([1, 1, true]);
  });
});
