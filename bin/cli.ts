import { Command } from 'commander';
import { registerConfig } from './commands/config.js';
import { registerDrift } from './commands/drift.js';
import { registerFlows } from './commands/flows.js';
import { registerServe } from './commands/serve.js';

const program = new Command()
  .name('billing-sim')
  .description(
    'Offline simulators of vendor billing APIs (Genesys Cloud, Webex, Polycom RPRM) and a contract-checking harness.',
  )
  .showHelpAfterError();

registerServe(program);
registerFlows(program);
registerDrift(program);
registerConfig(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // Anything a command could not do (a bad config file, a port in use) is a message, not a stack.
  process.stderr.write(`billing-sim: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
