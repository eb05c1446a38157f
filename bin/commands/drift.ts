import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';

interface DriftFlags {
  format: string;
  out?: string;
}

export function registerDrift(program: Command): void {
  program
    .command('drift')
    .argument('<dir>', 'a folder written by `billing-sim flows --record <dir>`')
    .description(
      'Compare a recording with the contracts: statuses, headers and fields seen that the contract lacks, required fields never seen, enum values outside the contract, CSV columns. Exit 1 when drift is found.',
    )
    .option('--format <format>', 'markdown or json on stdout', 'markdown')
    .option('--out <dir>', 'also write drift.md and drift.json into this folder')
    .action(async (dir: string, flags: DriftFlags) => {
      if (!['markdown', 'md', 'json'].includes(flags.format))
        throw new InvalidArgumentError(`--format wants markdown or json, got "${flags.format}"`);
      const { HAR_FILE } = await import('../../harness/record/recorder.js');
      if (!existsSync(join(dir, HAR_FILE)))
        throw new InvalidArgumentError(
          `${dir} holds no ${HAR_FILE} (record one with billing-sim flows --record ${dir})`,
        );
      const { compareRecording } = await import('../../harness/drift/drift.js');
      const { renderDriftJson, renderDriftMarkdown } = await import('../../harness/drift/render.js');
      const report = await compareRecording(dir);
      const markdown = renderDriftMarkdown(report);
      const json = renderDriftJson(report);
      process.stdout.write(flags.format === 'json' ? json : markdown);
      if (flags.out) {
        await writeFile(join(flags.out, 'drift.md'), markdown);
        await writeFile(join(flags.out, 'drift.json'), json);
      }
      process.exitCode = report.drift.length ? 1 : 0;
    });
}
