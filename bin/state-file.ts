import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * `serve --state-file`: the file every simulator's snapshot is kept in across restarts. Read at
 * start when it exists; written on SIGTERM/SIGINT so that a crash mid-write never leaves half a
 * file: the bytes go to a temporary file in the same directory, are flushed to disk, and only then
 * renamed over the old one (a rename within one file system is atomic).
 */

/**
 * Refuses at start a state file that could never be saved (its directory missing or read-only),
 * rather than losing the state at the first stop.
 */
export function checkStateFileDir(path: string): void {
  const dir = dirname(path);
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new Error(
      `--state-file ${path}: its directory ${dir} cannot take it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); create it or choose another`,
    );
  }
}

/** The state file's parsed JSON, or undefined when there is none yet. Throws with the reason otherwise. */
export function readStateFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new Error(`cannot read --state-file ${path}: ${code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(
      `--state-file ${path} is not a state file (not JSON: ${(e as Error).message}); remove it to start afresh`,
    );
  }
}

/**
 * Writes `value` as JSON to `path` atomically: a temporary file beside it (mode 0600: a snapshot
 * may carry the signing key), fsync, rename, then fsync of the directory so the rename itself
 * survives a power cut. On any failure the temporary file is removed and the old file is untouched.
 */
export function writeStateFile(path: string, value: unknown): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  const bytes = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      let at = 0;
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new Error(
      `cannot save the simulators' state to ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  try {
    const d = openSync(dir, 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
  } catch {
    // Some platforms cannot open or flush a directory; the file itself is complete either way.
  }
}
