// Helpers for the container tests: the Docker CLI, free loopback ports, a config folder the
// container's non-root user can read, and waiting for health through `docker events` (no polling).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The image .ci/run built (test/container/prepare-image.sh); unset: the container tests do not run. */
export const IMAGE = process.env.TEST_CONTAINER_IMAGE ?? '';
/** Debian's docker.io client: it builds with BuildKit without the buildx plugin. */
export const DOCKER = process.env.TEST_CONTAINER_DOCKER ?? '/usr/bin/docker';

const run = promisify(execFile);

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run(DOCKER, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** stdout and stderr together, in order, as `docker logs` keeps them. */
export async function logs(container: string): Promise<string> {
  const { stdout, stderr } = await run(DOCKER, ['logs', container], { maxBuffer: 64 * 1024 * 1024 });
  return stdout + stderr;
}

/** Ports free on 127.0.0.1 right now (other suites on this machine use the default ports). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** A folder with these files, readable by the image's user `node` (uid 1000), for `-v dir:/config:ro`. */
export function configDir(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'billing-sim-container-'));
  chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o644);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Resolves when Docker reports the container healthy; rejects when it turns unhealthy, dies, or
 * `timeoutMs` passes. Starts listening before it asks for the current state, so no event is missed.
 */
export async function waitHealthy(container: string, timeoutMs: number): Promise<void> {
  const events: ChildProcess = spawn(
    DOCKER,
    [
      'events',
      '--filter',
      `container=${container}`,
      '--filter',
      'event=health_status',
      '--filter',
      'event=die',
      '--format',
      '{{.Status}}',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${container}: not healthy within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const settle = (status: string) => {
        if (status.includes('health_status: healthy')) resolve();
        else if (status.includes('unhealthy') || status === 'die')
          reject(new Error(`${container}: ${status}`));
        else return;
        clearTimeout(timer);
      };
      let buffered = '';
      events.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) settle(line.trim());
      });
      // Already healthy (or gone) before the event stream started.
      docker(
        'inspect',
        '-f',
        '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}',
        container,
      )
        .then((state) => {
          if (state.endsWith(' healthy')) settle('health_status: healthy');
          else if (!state.startsWith('running')) settle('die');
        })
        .catch(reject);
    });
  } finally {
    events.kill();
  }
}
