import type { Command } from 'commander';
import { checkConfig } from '../../simulators/kernel/config.js';
import { configSchema } from '../../simulators/kernel/options-schema.js';
import { PLUGINS } from '../../simulators/registry.js';
import { readConfig } from '../config.js';

interface ConfigFlags {
  schema?: boolean;
  check?: string;
}

export function registerConfig(program: Command): void {
  program
    .command('config')
    .description(
      'The configuration file: print its JSON Schema (for editors) or check a file without starting anything. ' +
        'A mistake is named by its JSON pointer; exit code 2.',
    )
    .option('--schema', 'print the JSON Schema of the --config file (every simulator and its options)')
    .option('--check <file>', 'validate a YAML/JSON config file and exit (0 valid, 2 not)')
    .action((flags: ConfigFlags) => {
      if (flags.schema) {
        process.stdout.write(`${JSON.stringify(configSchema(PLUGINS), null, 2)}\n`);
        return;
      }
      if (flags.check) {
        checkConfig(readConfig(flags.check), PLUGINS, `config ${flags.check}`);
        process.stdout.write(`${flags.check}: valid\n`);
        return;
      }
      throw new Error('config: give --schema or --check <file> (see billing-sim config --help)');
    });
}
