import pactum from 'pactum';
import type { FlowDefinition } from '../../../harness/flows/flow.js';
import { RateCard } from '../../../harness/rate-card/rate-card.js';
import type { RunReport } from '../../../harness/reports/model.js';
import { type RunOptions, runFlows } from '../../../harness/run.js';
import { type Embedded, startEmbedded } from '../../../harness/targets/embedded.js';
import { loadHarnesses } from '../../../harness/vendors.js';
import type { ExchangeTap } from '../../../simulators/kernel/index.js';

export const AT = '2026-03-15T10:00:00Z';

export interface EmbeddedRun {
  embedded: Embedded;
  /** Runs these flows (default: every flow of the started vendors) against the simulators. */
  run(options?: { flows?: FlowDefinition[]; http?: RunOptions['http'] }): Promise<RunReport>;
  /** pactum spec for a simulator's admin API (trusts the RPRM self-signed certificate). */
  admin(vendor: string, method: 'get' | 'post' | 'delete', path: string): ReturnType<typeof pactum.spec>;
  close(): Promise<void>;
}

/** Starts the named simulators in-process on a manual clock the harness drives. */
export async function embeddedRun(
  vendors: string[],
  options: { onExchange?: ExchangeTap; simulators?: Record<string, Record<string, unknown>> } = {},
): Promise<EmbeddedRun> {
  const selected = (await loadHarnesses()).filter((v) => vendors.includes(v.vendor));
  const embedded = await startEmbedded({
    vendors: selected,
    seed: 1,
    at: AT,
    simulators: options.simulators,
    kernel: options.onExchange ? { onExchange: options.onExchange } : undefined,
  });
  const rateCard = await RateCard.load();
  return {
    embedded,
    run: (o = {}) =>
      runFlows({
        flows: o.flows ?? selected.flatMap((v) => v.flows),
        targets: embedded.targets,
        mode: 'embedded',
        time: embedded.time,
        stopwatch: () => 0,
        rateCard,
        strict: true,
        http: o.http,
      }),
    admin(vendor, method, path) {
      const url = `${embedded.targets[vendor]?.baseUrl}${path}`;
      const spec = pactum.spec();
      const withMethod =
        method === 'get' ? spec.get(url) : method === 'post' ? spec.post(url) : spec.delete(url);
      const ca = embedded.targets[vendor]?.ca;
      // pactum hands these options to node:https for the self-signed RPRM admin API.
      return ca ? withMethod.withCore({ ca } as never) : withMethod;
    },
    close: () => embedded.close(),
  };
}

/** Step name → outcome, for compact assertions. */
export function outcomes(report: RunReport, flow: string): [string, string][] {
  return (report.flows.find((f) => f.flow === flow)?.steps ?? []).map((s) => [s.name, s.outcome]);
}

export function step(report: RunReport, flow: string, name: string) {
  const found = report.flows.find((f) => f.flow === flow)?.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no step "${name}" in ${flow}`);
  return found;
}
