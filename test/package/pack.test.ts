import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/index.js';
import { PLUGINS } from '../../simulators/index.js';

/**
 * The package as a user gets it: `npm pack` (of the built tree — `npm test` builds first),
 * installed into an empty project from the local npm cache, then its CLI run from there.
 */
const ROOT = packageRoot();
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let project: string;
let tarball: string;
let files: string[];
const children: ChildProcess[] = [];

function npm(args: string[], cwd: string): string {
  return execFileSync(NPM, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // No audit or funding calls; scripts of the packed project are not run at pack time.
    env: {
      ...process.env,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    },
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'billing-sim-pack-'));
  // --ignore-scripts: `prepare` would rebuild dist/ under the feet of the other test files.
  const packed = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT),
  ) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(work, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path);
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'pack-check', private: true, type: 'module' }),
  );
  // From the local cache when it has everything (CI's `npm ci` filled it); the registry otherwise.
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], project);
}, 300_000);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

function bin(): string {
  return join(project, 'node_modules', '.bin', 'billing-sim');
}

describe('the published package', () => {
  it('ships what runs — dist, contracts, the default rate card, the dashboard — and no bench, tests or source maps', () => {
    for (const needed of [
      'bin/billing-sim.js',
      'dist/cli/cli.js',
      'dist/simulators/index.js',
      'dist/simulators/index.d.ts',
      'contracts/sim.openapi.yaml',
      'harness/rate-card/default-rate-card.yaml',
      'simulators/kernel/dashboard/index.html',
      'simulators/kernel/dashboard/dashboard.js',
      'README.md',
    ])
      expect(files).toContain(needed);
    for (const vendor of PLUGINS) expect(files).toContain(`contracts/${vendor.name}.openapi.yaml`);
    const unwanted = files.filter(
      (f) =>
        /\.map$|\.tsbuildinfo$|(^|\/)test\/|\.test\.|^bench\/|^dist\/bench\/|^dist\/bin\//.test(f) ||
        (f.endsWith('.ts') && !f.endsWith('.d.ts')),
    );
    expect(unwanted).toEqual([]);
  });

  it('billing-sim --version from the installed package prints the version', () => {
    expect(execFileSync(bin(), ['--version'], { encoding: 'utf8' })).toBe(`${VERSION}\n`);
  });

  it('billing-sim serve answers health on every simulator, serves the dashboard and docs, and stops on SIGTERM', async () => {
    const config = join(work, 'sim.json');
    writeFileSync(
      config,
      JSON.stringify({ simulators: Object.fromEntries(PLUGINS.map((s) => [s.name, { port: 0 }])) }),
    );
    const child = spawn(bin(), ['serve', '--config', config], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const banner = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout!.on('data', (c) => {
        seen += c;
        if (seen.includes('Ctrl-C to stop')) resolve(seen);
      });
      child.on('exit', () => reject(new Error(`serve exited before its banner:\n${seen}`)));
    });
    const urls = [...banner.matchAll(/admin: (\S+)\/_sim\/health/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(PLUGINS.length);
    for (const url of urls) {
      for (const path of [
        '/_sim/health',
        '/_sim/ui',
        '/_sim/ui/dashboard.js',
        '/_sim/docs/swagger-ui-bundle.js',
      ]) {
        expect(await status(`${url}${path}`), `${url}${path}`).toBe(200);
      }
    }
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('billing-sim flows runs every flow with the shipped rate card and exits 0', () => {
    const out = join(work, 'report');
    const stdout = execFileSync(bin(), ['flows', '--out', out], { cwd: project, encoding: 'utf8' });
    expect(stdout).toMatch(/pass/i);
    expect(readFileSync(join(out, 'billing-lines.csv'), 'utf8').split('\n').length).toBeGreaterThan(2);
  }, 180_000);

  it('the library imports from the installed package', () => {
    const script =
      "import('billing-sim').then((m) => console.log(typeof m.startSimulators, typeof m.createWebexApp))";
    expect(execFileSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' })).toBe(
      'function function\n',
    );
  });
});

function status(url: string): Promise<number | undefined> {
  if (url.startsWith('https')) {
    return new Promise((resolve) => {
      // The shipped certificate is self-signed; this checks liveness, not trust.
      httpsGet(url, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', () => resolve(undefined));
    });
  }
  return fetch(url).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status;
    },
    () => undefined,
  );
}
