import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { contractsDir, packageRoot } from '../../../contracts/index.js';

export interface PrismProxy {
  url: string;
  /** Everything prism printed (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `prism proxy contracts/<vendor>.openapi.yaml <upstream> --errors`: an independent validator
 * between the harness and a simulator. Resolves once prism says it is listening; rejects with
 * prism's own output when it exits or does not come up in time.
 */
export async function startPrismProxy(
  vendor: string,
  upstream: string,
  options: { timeoutMs?: number; trustAnyUpstreamCertificate?: boolean } = {},
): Promise<PrismProxy> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const port = await freePort();
  const bin = join(packageRoot(), 'node_modules', '.bin', 'prism');
  const spec = join(contractsDir(), `${vendor}.openapi.yaml`);
  const child: ChildProcess = spawn(
    bin,
    ['proxy', spec, upstream, '--errors', '-p', String(port), '-h', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Only prism's own connection to a self-signed simulator (RPRM) skips verification.
      env: options.trustAnyUpstreamCertificate
        ? { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' }
        : process.env,
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `prism proxy for ${vendor} not listening after ${timeoutMs} ms:\n${output.slice(-2000)}`,
            ),
          ),
        timeoutMs,
      );
      const check = () => {
        if (/Prism is listening/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.stderr?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new Error(
            `prism proxy for ${vendor} exited (code ${code}) before listening:\n${output.slice(-2000)}`,
          ),
        );
      });
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot start prism (${bin}): ${e.message}`));
      });
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `http://127.0.0.1:${port}`, log: () => output, stop };
}
