import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStateFileDir, readStateFile, writeStateFile } from '../../bin/state-file.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'billing-sim-state-file-'));

describe('the state file', () => {
  it('is replaced whole: the new JSON, mode 0600, no temporary file left', () => {
    const dir = fresh();
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"old": true}');
    writeStateFile(file, { format: 'billing-sim.state-file', n: 2 });
    expect(readStateFile(file)).toEqual({ format: 'billing-sim.state-file', n: 2 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('a write that fails leaves what was there and no partial or temporary file', () => {
    const dir = fresh();
    // The rename cannot replace a directory: the write fails after the temporary file is complete.
    const file = join(dir, 'state.json');
    mkdirSync(file);
    writeFileSync(join(file, 'inside'), 'kept');
    expect(() => writeStateFile(file, { n: 1 })).toThrow(
      /cannot save the simulators' state to .*state\.json: E/,
    );
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(readFileSync(join(file, 'inside'), 'utf8')).toBe('kept');
    // A directory that does not exist: nothing is created.
    expect(() => writeStateFile(join(dir, 'missing', 'state.json'), {})).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('a directory that cannot take the file is refused at start', () => {
    const dir = fresh();
    expect(() => checkStateFileDir(join(dir, 'state.json'))).not.toThrow();
    expect(() => checkStateFileDir(join(dir, 'missing', 'state.json'))).toThrow(
      /--state-file .*missing\/state\.json: its directory .*missing cannot take it \(ENOENT\)/,
    );
    writeFileSync(join(dir, 'file'), '');
    expect(() => checkStateFileDir(join(dir, 'file', 'state.json'))).toThrow(/ENOTDIR/);
  });

  it('reads as undefined when absent, and names the file when it is not JSON', () => {
    const dir = fresh();
    expect(readStateFile(join(dir, 'none.json'))).toBeUndefined();
    writeFileSync(join(dir, 'bad.json'), '{"half":');
    expect(() => readStateFile(join(dir, 'bad.json'))).toThrow(
      /--state-file .*bad\.json is not a state file \(not JSON/,
    );
  });
});
