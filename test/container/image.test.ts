// The billing-sim image as a CI job uses it: on the host network, health-gated, the harness run
// from the host against it, the request log on `docker logs`, and a graceful `docker stop`.
// .ci/run builds the image (test/container/prepare-image.sh) and names it in TEST_CONTAINER_IMAGE.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../contracts/index.js';
import { configDir, DOCKER, docker, freePorts, IMAGE, logs, waitHealthy } from './docker.js';

const ROOT = packageRoot();
const BIN = join(ROOT, 'bin', 'billing-sim.js');

describe('container image in CI', () => {
  it('CI built the image: the container tests below ran', () => {
    // On a developer machine without Docker they are left out; in CI they are never left out.
    if (process.env.CI) expect(IMAGE, 'TEST_CONTAINER_IMAGE (test/container/prepare-image.sh)').not.toBe('');
  });
});

describe.runIf(IMAGE)(`image ${IMAGE}`, () => {
  it('is the runtime stage: non-root, default ports, health check, 0.0.0.0, no dev dependencies, tests or bench', async () => {
    const [config] = JSON.parse(await docker('image', 'inspect', IMAGE)) as [
      {
        Size: number;
        Config: {
          User: string;
          ExposedPorts: Record<string, unknown>;
          Healthcheck?: { Test: string[] };
          Entrypoint: string[];
          Cmd: string[];
          Env: string[];
        };
      },
    ];
    // The figure README.md states.
    console.log(`image ${IMAGE}: ${(config.Size / 1e6).toFixed(0)} MB (${config.Size} bytes)`);
    expect(config.Config.User).toBe('node');
    expect(Object.keys(config.Config.ExposedPorts).sort()).toEqual([
      '8401/tcp',
      '8402/tcp',
      '8403/tcp',
      '8443/tcp',
    ]);
    expect(config.Config.Healthcheck?.Test).toEqual(['CMD', 'node', '/app/healthcheck.cjs']);
    expect(config.Config.Entrypoint).toEqual(['node', '/app/bin/billing-sim.js']);
    expect(config.Config.Cmd).toEqual(['serve']);
    // `--host 0.0.0.0` as the environment default, so BILLING_SIM_* variables can still change it.
    expect(config.Config.Env).toContain('BILLING_SIM_HOST=0.0.0.0');

    const listing = await docker(
      'run',
      '--rm',
      '--network',
      'none',
      '--entrypoint',
      'sh',
      IMAGE,
      '-c',
      'id -u; ls -A /app /app/dist; cd /app/node_modules && for d in * @*/*; do echo "package $d"; done',
    );
    const [uid, ...lines] = listing.split('\n');
    expect(uid).toBe('1000');
    const packages = lines.filter((l) => l.startsWith('package ')).map((l) => l.slice('package '.length));
    const names = lines.filter((l) => !l.startsWith('package '));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
    for (const dev of Object.keys(pkg.devDependencies)) expect(packages, 'dev dependency').not.toContain(dev);
    for (const dep of Object.keys(pkg.dependencies)) expect(packages).toContain(dep);
    // Nothing only the build needs came along either.
    for (const tool of ['typescript', 'esbuild', 'vitest', '@biomejs/biome', 'testcontainers'])
      expect(packages).not.toContain(tool);
    for (const absent of ['test', 'bench', 'src', '.git', 'tsconfig.json', 'vitest.config.ts'])
      expect(names, absent).not.toContain(absent);
    expect(names).toEqual(expect.arrayContaining(['dist', 'cli', 'contracts', 'bin', 'node_modules']));
  });

  describe('on the host network', () => {
    const name = `billing-sim-test-${process.pid}`;
    let ports: { purecloud: number; webex: number; rprm: number };
    let config: ReturnType<typeof configDir>;
    /** What this build's `serve` has (issue 18's admin token, the dashboard's request log). */
    let features: { adminToken: boolean; log: boolean };
    const adminToken = 'container-test-admin-token';

    beforeAll(async () => {
      const help = await docker('run', '--rm', '--network', 'none', IMAGE, 'serve', '--help');
      features = { adminToken: help.includes('--admin-token'), log: /--log\b/.test(help) };
      console.log(`serve in ${IMAGE}: admin token ${features.adminToken}, request log ${features.log}`);
      const [purecloud, webex, rprm] = await freePorts(3);
      ports = { purecloud: purecloud!, webex: webex!, rprm: rprm! };
      // Both doors a container has: a mounted config file (BILLING_SIM_CONFIG) and BILLING_SIM_*
      // variables. Virtual time at 3600×: minutes of report generation take a fraction of a second.
      config = configDir({
        'sim.yaml': ['timeScale: 3600', 'simulators:', `  purecloud: { port: ${ports.purecloud} }`, ''].join(
          '\n',
        ),
      });
      await docker(
        'run',
        '--detach',
        '--name',
        name,
        '--network',
        'host',
        // Only the interval is overridden (faster here); the image's health command stays.
        '--health-interval',
        '1s',
        '--volume',
        `${config.dir}:/config:ro`,
        '--env',
        'BILLING_SIM_CONFIG=/config/sim.yaml',
        '--env',
        `BILLING_SIM_WEBEX_PORT=${ports.webex}`,
        '--env',
        `BILLING_SIM_RPRM_PORT=${ports.rprm}`,
        // Beyond loopback the admin API needs a token (issue 18); JSON request lines on stdout.
        ...(features.adminToken ? ['--env', `BILLING_SIM_ADMIN_TOKEN=${adminToken}`] : []),
        ...(features.log ? ['--env', 'BILLING_SIM_LOG=json'] : []),
        // The image's own command (`serve`, host 0.0.0.0); the health check finds the ports itself.
        IMAGE,
      );
    }, 60_000);

    afterAll(async () => {
      await docker('rm', '--force', name).catch(() => undefined);
      config?.remove();
    });

    it('refuses 0.0.0.0 without an admin token, when the build has the rule', async () => {
      if (!features.adminToken) return;
      // No network: the refusal comes before anything listens. A build that starts anyway would
      // run on: the client gives up after 20 s and the container is removed.
      const refusedName = `${name}-no-token`;
      try {
        const refused = await new Promise<{ code: unknown; stderr: string }>((resolve) =>
          execFile(
            DOCKER,
            ['run', '--rm', '--name', refusedName, '--network', 'none', IMAGE],
            { timeout: 20_000 },
            (e, _stdout, stderr) => resolve({ code: e ? (e.code ?? e.signal) : 0, stderr }),
          ),
        );
        // An exit code (not the client's timeout signal), and not success.
        expect(typeof refused.code === 'number' && refused.code !== 0, `exit ${String(refused.code)}`).toBe(
          true,
        );
        expect(refused.stderr).toMatch(/admin-token|ADMIN_TOKEN/);
      } finally {
        await docker('rm', '--force', refusedName).catch(() => undefined);
      }
    }, 60_000);

    it('turns healthy, passes every flow run from the host, logs, and stops on SIGTERM with exit code 0', async () => {
      await waitHealthy(name, 60_000);
      for (const url of [
        `http://127.0.0.1:${ports.purecloud}/_sim/health`,
        `http://127.0.0.1:${ports.webex}/_sim/health`,
      ]) {
        const res = await fetch(url);
        expect(res.status).toBe(200);
      }
      if (features.adminToken) {
        const clock = `http://127.0.0.1:${ports.webex}/_sim/clock`;
        expect((await fetch(clock)).status).toBe(401);
        expect((await fetch(clock, { headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(200);
      }

      const flows = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            BIN,
            'flows',
            '--target',
            `purecloud=http://127.0.0.1:${ports.purecloud}`,
            '--target',
            `webex=http://127.0.0.1:${ports.webex}`,
            '--target',
            `rprm=https://127.0.0.1:${ports.rprm}`,
            // The simulator's shipped self-signed localhost certificate.
            '--insecure',
            'rprm',
            '--out',
            join(config.dir, 'report'),
          ],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: {
              ...process.env,
              BILLING_SIM_PURECLOUD_CLIENT_ID: 'northwind-billing',
              BILLING_SIM_PURECLOUD_CLIENT_SECRET: 'northwind-billing-secret',
              BILLING_SIM_WEBEX_TOKEN: 'acme-all-scopes',
              BILLING_SIM_RPRM_USERNAME: 'auditor',
              BILLING_SIM_RPRM_PASSWORD: 'Audit12#',
            },
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c) => {
          stdout += c;
        });
        child.stderr.on('data', (c) => {
          stderr += c;
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      });
      expect(flows.stderr).toBe('');
      expect(flows.stdout).toMatch(/All 4 flow\(s\) passed/);
      expect(flows.code).toBe(0);
      for (const flow of ['purecloud', 'webex-wholesale', 'webex-broadworks', 'rprm'])
        expect(flows.stdout).toMatch(new RegExp(`^PASS +${flow} `, 'm'));

      // compose.yaml's consumer, as compose would run it, with the service name mapped to loopback.
      const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as {
        services: Record<
          string,
          {
            command?: string[];
            environment?: Record<string, string>;
            depends_on?: Record<string, { condition: string }>;
            ports?: string[];
          }
        >;
      };
      const server = compose.services['billing-sim']!;
      const consumer = compose.services.flows!;
      expect(server.command).toBeUndefined();
      expect(server.environment?.BILLING_SIM_TIME_SCALE).toBeDefined();
      expect(server.ports).toEqual(['8401:8401', '8402:8402', '8403:8403', '8443:8443']);
      // The image binds 0.0.0.0: without a token serve would refuse to start.
      expect(server.environment?.BILLING_SIM_ADMIN_TOKEN).toBeDefined();
      expect(consumer.depends_on?.['billing-sim']?.condition).toBe('service_healthy');
      const byDefaultPort: Record<string, number> = {
        '8401': ports.purecloud,
        '8402': ports.webex,
        '8443': ports.rprm,
      };
      const command = (consumer.command ?? []).map((arg) =>
        arg.replace(/billing-sim:(\d+)/, (_m, port: string) => `127.0.0.1:${byDefaultPort[port]}`),
      );
      expect(command.join(' ')).not.toContain('billing-sim:');
      const env = Object.entries(consumer.environment ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
      const consumed = await docker('run', '--rm', '--network', 'host', ...env, IMAGE, ...command);
      expect(consumed).toMatch(/All 4 flow\(s\) passed/);

      const log = await logs(name);
      expect(log).toContain('billing-sim is running');
      for (const port of Object.values(ports)) expect(log).toContain(`0.0.0.0:${port}/_sim/health`);
      if (features.log) {
        // One JSON line per vendor request on stdout (the banner goes to stderr in json mode).
        const stdout = await docker('logs', name).then((out) => out.split('\n').filter(Boolean));
        const lines = stdout.map(
          (l) => JSON.parse(l) as { simulator: string; method: string; path: string; status: number },
        );
        expect(lines).toContainEqual(
          expect.objectContaining({
            simulator: 'purecloud',
            method: 'POST',
            path: '/oauth/token',
            status: 200,
          }),
        );
        expect(lines).toContainEqual(
          expect.objectContaining({ simulator: 'rprm', method: 'POST', status: expect.any(Number) }),
        );
        expect(lines.some((l) => l.simulator === 'webex' && l.status === 200)).toBe(true);
        expect(lines.some((l) => l.path.startsWith('/_sim'))).toBe(false);
      }

      const started = performance.now();
      await docker('stop', '--time', '10', name);
      const stopMs = performance.now() - started;
      const state = JSON.parse(await docker('inspect', '-f', '{{json .State}}', name)) as {
        ExitCode: number;
        OOMKilled: boolean;
      };
      console.log(`docker stop: ${stopMs.toFixed(0)} ms`);
      expect(state.ExitCode).toBe(0);
      // Well inside the 10 s grace period: SIGTERM stopped it, not the SIGKILL after it.
      expect(stopMs).toBeLessThan(5_000);
      const after = await logs(name);
      expect(after).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(after).not.toMatch(/Error|Unhandled|ECONN/);
    }, 240_000);
  });
});
