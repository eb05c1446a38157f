#!/usr/bin/env node
// Bundles the compiled CLI (dist/bin/cli.js) into dist/cli/: one module graph resolved at build
// time instead of ~400 files resolved and read at every start, so `billing-sim serve` reaches its
// first 200 sooner (bench/README.md). Lazily imported parts (the harness,
// archiver, selfsigned) become chunks loaded on first use. The library entry points stay unbundled.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start clean so old chunks do not pile up.
rmSync('dist/cli', { recursive: true, force: true });

await build({
  entryPoints: ['dist/bin/cli.js'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS packages (Express and its dependencies) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __billingSimRequire } from 'node:module'; const require = __billingSimRequire(import.meta.url);",
  },
});
