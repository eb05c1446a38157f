#!/usr/bin/env node
// Runs the bundled CLI (npm ci builds it through the `prepare` script: tsc, then esbuild).
import '../dist/cli/cli.js';
