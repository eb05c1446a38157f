import { Command } from 'commander';
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

await program.parseAsync(process.argv);
