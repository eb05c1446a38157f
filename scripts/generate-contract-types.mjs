#!/usr/bin/env node
// Generates TypeScript types from every contracts/*.openapi.yaml into contracts/generated/
// (openapi-typescript). `npm run generate:types` after a contract change; the test
// test/contracts/generated.test.ts fails while a generated file is stale.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The generated source of one contract (also used by the staleness test). */
export async function generatedTypes(contractPath) {
  const ast = await openapiTS(pathToFileURL(contractPath), { alphabetize: true, silent: true });
  const name = contractPath.split('/').pop();
  return (
    `// Generated from contracts/${name} by scripts/generate-contract-types.mjs (openapi-typescript).\n` +
    '// Do not edit: change the contract and run `npm run generate:types`.\n' +
    astToString(ast)
  );
}

export function contractFiles() {
  return readdirSync(join(root, 'contracts'))
    .filter((f) => f.endsWith('.openapi.yaml'))
    .sort()
    .map((f) => ({
      contract: join(root, 'contracts', f),
      generated: join(root, 'contracts', 'generated', f.replace('.openapi.yaml', '.ts')),
    }));
}

// --check: write nothing, exit 1 naming each stale file (the staleness test runs this).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const { contract, generated } of contractFiles()) {
    const text = await generatedTypes(contract);
    let before = '';
    try {
      before = readFileSync(generated, 'utf8');
    } catch {}
    const name = generated.slice(root.length + 1);
    if (before === text) continue;
    stale.push(name);
    if (!check) {
      mkdirSync(dirname(generated), { recursive: true });
      writeFileSync(generated, text);
      process.stdout.write(`${name}\n`);
    }
  }
  if (check && stale.length) {
    process.stderr.write(`stale generated types (run npm run generate:types): ${stale.join(', ')}\n`);
    process.exitCode = 1;
  }
}
