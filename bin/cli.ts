import { Command, CommanderError } from 'commander';
import { packageInfo } from '../simulators/kernel/version.js';
import { registerConfig } from './commands/config.js';
import { registerDrift } from './commands/drift.js';
import { type FlowsEnv, registerFlows } from './commands/flows.js';
import { registerServe } from './commands/serve.js';
import { helpSections } from './help.js';

const argv = process.argv.slice(2);
// The flows' environment variables come from the harness, which `serve` should not load at
// start: only `flows --help` pays for it.
const flowsHelp =
  (argv[0] === 'flows' && (argv.includes('--help') || argv.includes('-h'))) ||
  (argv[0] === 'help' && argv[1] === 'flows');
let flowsEnv: FlowsEnv | undefined;
if (flowsHelp) {
  const { loadHarnesses } = await import('../harness/vendors.js');
  flowsEnv = (await loadHarnesses()).flatMap((v) =>
    v.env.map((e): [string, string] => [
      e.env,
      `${e.description}${e.required ? '' : ' (optional)'} — ${v.vendor}`,
    ]),
  );
}

// Whether commander printed a message itself (usage errors), so the catch below does not repeat it.
let commanderSpoke = false;

const program = new Command()
  .name('billing-sim')
  .description(
    'Offline simulators of vendor billing APIs (Genesys Cloud, Webex, Polycom RPRM) and a contract-checking harness.',
  )
  .version(packageInfo().version, '-V, --version', 'print the package version')
  .showHelpAfterError()
  // Usage errors exit 2 like every other error that stops a command (commander's own is 1).
  .exitOverride()
  .configureOutput({
    writeErr: (text) => {
      commanderSpoke = true;
      process.stderr.write(text);
    },
  })
  .addHelpText(
    'after',
    helpSections({
      examples: [
        ['billing-sim serve', 'every simulator on its own port; URLs and demo credentials in the banner'],
        ['billing-sim serve --log json | jq .', 'one JSON line per request'],
        ['billing-sim flows', "every vendor's billing flow against embedded simulators"],
        ['billing-sim serve --help', 'the flags of one command'],
      ],
      exitCodes: [
        ['0', 'done (serve: stopped by SIGINT/SIGTERM; flows: every flow passed)'],
        ['1', 'flows: a flow failed'],
        ['2', 'usage error, or the command could not start (config, port in use, certificate)'],
      ],
      env: [
        ['BILLING_SIM_LOG', 'serve: request log format when --log is not given (pretty, json, off)'],
        ['BILLING_SIM_*', 'flows: credentials of external targets (billing-sim flows --help lists them)'],
      ],
    }),
  );

registerServe(program);
registerFlows(program, flowsEnv);
registerDrift(program);
registerConfig(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError && (e.exitCode === 0 || commanderSpoke)) {
    // Commander has printed the help, the version or the usage error already.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    // Anything a command could not do (a bad config file, a port in use) is a message, not a stack.
    process.stderr.write(`billing-sim: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
