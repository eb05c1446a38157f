// The container image's HEALTHCHECK: exits 0 when every simulator the container serves answers
// 200 on GET /_sim/health, 1 otherwise (the failures on stderr, which `docker inspect` keeps).
//
// Which simulators, on which ports: HEALTHCHECK_URLS (space- or comma-separated) when set; else
// what `serve` itself resolves from its three doors, in its precedence — the config file
// (`--config` or BILLING_SIM_CONFIG), then BILLING_SIM_ONLY / BILLING_SIM_<VENDOR>_PORT, then the
// `--only` / `--port name=port` flags of PID 1 (the image's `serve`) — over the defaults below.
// A simulator on port 0 (a free one picked at start) cannot be found and is not probed.
//
// CommonJS with Node's built-ins (and the package's own `yaml` for a YAML config): it runs every
// few seconds and starts in ≈ 40 ms.
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const http = require('node:http');
const https = require('node:https');

/** The default simulators of `serve` (simulators/registry.ts): name, TLS, default port. */
const SIMULATORS = [
  ['purecloud', false, 8401],
  ['webex', false, 8402],
  ['rprm', true, 8443],
];

/** The command line of `serve`: PID 1, or under `docker run --init` a child of the init. */
function serveArgs() {
  const read = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      return [];
    }
  };
  const isServe = (args) => args.includes('serve');
  const first = read(1);
  if (isServe(first)) return first;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const args = read(pid);
    if (isServe(args) && args.some((a) => a.endsWith('billing-sim.js') || a.endsWith('billing-sim')))
      return args;
  }
  return [];
}

function flag(args, name) {
  const values = [];
  args.forEach((a, i) => {
    if (a === name && args[i + 1] !== undefined) values.push(args[i + 1]);
    else if (a.startsWith(`${name}=`)) values.push(a.slice(name.length + 1));
  });
  return values;
}

function readConfig(path) {
  if (!path) return {};
  try {
    const text = readFileSync(path, 'utf8');
    try {
      return JSON.parse(text) || {};
    } catch {
      return require('yaml').parse(text) || {};
    }
  } catch {
    return {}; // serve refuses a config it cannot read: then nothing listens and the probe fails
  }
}

const list = (raw) =>
  String(raw)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function urls(env, args) {
  const listed = (env.HEALTHCHECK_URLS || '').split(/[\s,]+/).filter(Boolean);
  if (listed.length) return listed;
  const config = readConfig(flag(args, '--config').pop() || env.BILLING_SIM_CONFIG);
  let only = Array.isArray(config.only) ? config.only : undefined;
  if (env.BILLING_SIM_ONLY) only = list(env.BILLING_SIM_ONLY.replace(/^\[|\]$|"/g, ''));
  const onlyFlag = flag(args, '--only').pop();
  if (onlyFlag) only = list(onlyFlag);
  const ports = {};
  for (const [name, , port] of SIMULATORS) {
    ports[name] = config.simulators?.[name]?.port ?? port;
    const fromEnv = env[`BILLING_SIM_${name.toUpperCase()}_PORT`];
    if (fromEnv) ports[name] = Number(fromEnv);
  }
  for (const pair of flag(args, '--port')) {
    const [name, port] = pair.split('=');
    if (name in ports) ports[name] = Number(port);
  }
  return SIMULATORS.filter(([name]) => (!only || only.includes(name)) && ports[name] > 0).map(
    ([name, tls]) => `${tls ? 'https' : 'http'}://127.0.0.1:${ports[name]}/_sim/health`,
  );
}

function probe(url) {
  return new Promise((resolve) => {
    const client = url.startsWith('https:') ? https : http;
    // The RPRM simulator's certificate is self-signed for localhost: this is a loopback probe.
    const req = client.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? '' : `${url}: HTTP ${res.statusCode}`);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (e) => resolve(`${url}: ${e.message}`));
  });
}

const targets = urls(process.env, serveArgs());
if (targets.length === 0) {
  process.stderr.write('no simulator to probe: set HEALTHCHECK_URLS\n');
  process.exit(1);
}
Promise.all(targets.map(probe)).then((failures) => {
  const failed = failures.filter(Boolean);
  if (failed.length) process.stderr.write(`${failed.join('\n')}\n`);
  process.exit(failed.length ? 1 : 0);
});
