import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContractSet, contracts } from '../../contracts/index.js';
import { simulatorOnlyMarks, vendorView } from '../../contracts/profiles.js';

const fixture = fileURLToPath(new URL('../fixtures/contracts/profiled.openapi.yaml', import.meta.url));
const set = new ContractSet([fixture]);
const HEADERS = { 'content-type': 'application/json', 'x-trace': 't-1' };
const check = (profile: 'vendor' | 'simulator', body: unknown, headers: Record<string, string> = HEADERS) =>
  set.validateResponse('profiled', 'GET', '/things/a', 200, headers, body, { profile });

describe('response profiles: two views of one contract', () => {
  it('the simulator view (the default) enforces every constraint as written', () => {
    expect(check('simulator', { id: 'a', state: 'OPEN' })).toEqual([]);
    expect(set.validateResponse('profiled', 'GET', '/things/a', 200, HEADERS, { id: 'a' })).toEqual([
      { path: '/', message: 'missing required property "state"' },
    ]);
    expect(check('simulator', { id: 'A1', state: 'OPEN' })[0]?.path).toBe('/id');
    expect(check('simulator', { id: 'a', state: 'OPEN', extra: 1 })[0]?.message).toMatch(
      /unexpected property/,
    );
    expect(check('simulator', { id: 'a', state: 'DONE' })[0]?.message).toMatch(/count/);
    expect(check('simulator', { id: 'a', state: 'OPEN', count: 1.5 })[0]?.path).toBe('/count');
    expect(
      check('simulator', { id: 'a', state: 'OPEN' }, { 'content-type': 'application/json' })[0]?.path,
    ).toBe('header:x-trace');
  });

  it('the vendor view drops exactly the marked keywords and nodes', () => {
    expect(check('vendor', {})).toEqual([]);
    expect(check('vendor', { id: 'A1', state: 'DONE', extra: 1, count: 1.5 })).toEqual([]);
    expect(check('vendor', {}, { 'content-type': 'application/json', 'x-trace': 'zzz' })).toEqual([]);
    // What the vendor itself guarantees still holds: the enum, the types.
    expect(check('vendor', { state: 'LOST' })[0]?.path).toBe('/state');
    expect(check('vendor', { id: 7 })[0]?.path).toBe('/id');
    expect(check('vendor', { count: 'x' })[0]?.path).toBe('/count');
    // A property marked whole is gone from the vendor view; a header marked whole is undeclared there.
    const doc = set.document('profiled', 'vendor') as unknown as {
      components: { schemas: { Thing: Record<string, unknown> & { properties: Record<string, unknown> } } };
    };
    expect(Object.keys(doc.components.schemas.Thing.properties)).toEqual(['id', 'state', 'count']);
    expect(doc.components.schemas.Thing.allOf).toBeUndefined();
    expect(check('vendor', {}, { ...HEADERS, 'x-sim-build': '1' })[0]?.path).toBe('header:x-sim-build');
    expect(check('simulator', { id: 'a', state: 'OPEN' }, { ...HEADERS, 'x-sim-build': '1' })).toEqual([]);
  });

  it('vendorView leaves the written document alone', () => {
    const before = JSON.stringify(set.document('profiled'));
    vendorView(set.document('profiled'));
    set.validateResponse('profiled', 'GET', '/things/a', 200, HEADERS, {}, { profile: 'vendor' });
    expect(JSON.stringify(set.document('profiled'))).toBe(before);
  });

  it('every mark in the project’s contracts names keywords its node has, and every vendor view compiles', () => {
    for (const vendor of contracts().vendorNames()) {
      const doc = contracts().document(vendor);
      for (const mark of simulatorOnlyMarks(doc))
        expect(mark.unknown, `${vendor} ${mark.pointer}`).toEqual([]);
      // Compiling one response per view proves the view is a valid document.
      expect(() => contracts().document(vendor, 'vendor')).not.toThrow();
    }
  });
});
