import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes a file so that readers only ever see a whole one: the bytes go to a temporary file
 * beside it, which is then renamed over the target (rename is atomic on one file system). A
 * run killed mid-write leaves the previous complete version.
 */
export async function writeAtomic(path: string, data: string | Buffer | Readable): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    if (typeof data === 'string' || Buffer.isBuffer(data)) await writeFile(tmp, data);
    else await pipeline(data, createWriteStream(tmp));
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
