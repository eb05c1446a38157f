// The Node Testcontainers recipe of docs/container.md, run for real against the image .ci/run
// built. Ryuk (Testcontainers' reaper) is off: it is an image of its own and none can be pulled
// here; the test removes its container itself.
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, freePorts, IMAGE } from './docker.js';

describe.runIf(IMAGE)('Testcontainers recipe (GenericContainer, health-check wait)', () => {
  let container: StartedTestContainer | undefined;
  let webex: string;
  let purecloud: string;

  beforeAll(async () => {
    process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
    // This suite may itself run in a container (/.dockerenv): Testcontainers would then look for
    // the engine's bridge gateway, which the host-network-only engine here has not got.
    process.env.TESTCONTAINERS_HOST_OVERRIDE = '127.0.0.1';
    const [pc, wx, rp] = await freePorts(3);
    container = await new GenericContainer(IMAGE)
      // Host network: only loopback traffic, and the ports are the container's own.
      .withNetworkMode('host')
      // The third door: flags (after the config file and the environment). The health check
      // reads them from the command line of the container's `serve`.
      .withCommand(['serve', '--port', `purecloud=${pc}`, '--port', `webex=${wx}`, '--port', `rprm=${rp}`])
      // Loopback is enough on the host network: no need for the image's 0.0.0.0.
      .withEnvironment({ BILLING_SIM_HOST: '127.0.0.1' })
      .withWaitStrategy(Wait.forHealthCheck())
      .withStartupTimeout(60_000)
      .start();
    purecloud = `http://127.0.0.1:${pc}`;
    webex = `http://127.0.0.1:${wx}`;
  }, 90_000);

  afterAll(async () => {
    await container?.stop({ timeout: 10_000 });
  });

  it('is healthy when start() returns and serves the vendor APIs', async () => {
    const health = await fetch(`${webex}/_sim/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');

    const reports = await fetch(`${webex}/v1/wholesale/billing/reports`, {
      headers: { authorization: 'Bearer acme-all-scopes' },
    });
    expect(reports.status).toBe(200);
    expect(Array.isArray(((await reports.json()) as { items: unknown[] }).items)).toBe(true);

    const token = await fetch(`${purecloud}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('northwind-billing:northwind-billing-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    expect(((await token.json()) as { token_type: string }).token_type).toBe('bearer');
  });

  it('stops gracefully: exit code 0 after SIGTERM', async () => {
    const stopped = container!;
    container = undefined;
    const id = stopped.getId();
    await stopped.stop({ timeout: 10_000, remove: false });
    try {
      expect(await docker('inspect', '-f', '{{.State.ExitCode}}', id)).toBe('0');
    } finally {
      await docker('rm', '--force', id);
    }
  });
});
