// The container image's HEALTHCHECK: exits 0 when every simulator the container runs answers
// 200 on GET /_sim/health, 1 otherwise. It probes, on the container's loopback:
// - HEALTHCHECK_URLS (space- or comma-separated) when set, else
// - each default simulator not left out by BILLING_SIM_ONLY, on BILLING_SIM_<VENDOR>_PORT or its
//   default port (purecloud 8401, webex 8402, rprm 8443 over TLS).
// Ports set only in a mounted config file need HEALTHCHECK_URLS (docs/container.md).
// CommonJS and no dependencies: it starts in ≈ 40 ms every few seconds.
'use strict';
const http = require('node:http');
const https = require('node:https');

const DEFAULTS = [
  ['purecloud', 'http', 8401],
  ['webex', 'http', 8402],
  ['rprm', 'https', 8443],
];

function urls(env) {
  const listed = (env.HEALTHCHECK_URLS || '').split(/[\s,]+/).filter(Boolean);
  if (listed.length) return listed;
  const only = (env.BILLING_SIM_ONLY || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return DEFAULTS.filter(([name]) => only.length === 0 || only.includes(name)).map(
    ([name, scheme, port]) =>
      `${scheme}://127.0.0.1:${env[`BILLING_SIM_${name.toUpperCase()}_PORT`] || port}/_sim/health`,
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

Promise.all(urls(process.env).map(probe)).then((failures) => {
  const failed = failures.filter(Boolean);
  if (failed.length) process.stderr.write(`${failed.join('\n')}\n`);
  process.exit(failed.length ? 1 : 0);
});
