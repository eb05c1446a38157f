import type { KernelOptions, SimApp } from './kernel/index.js';
import { purecloudSimulator } from './purecloud/index.js';
import { rprmSimulator } from './rprm/index.js';
import { webexSimulator } from './webex/index.js';

/** What each vendor folder exports so the CLI and startSimulators can run it. */
export interface SimulatorModule {
  name: string;
  /** Human title for the banner. */
  title: string;
  defaultPort: number;
  /** Served over HTTPS (self-signed unless a certificate is given). */
  tls: boolean;
  create(options: KernelOptions & Record<string, unknown>): SimApp;
  /** Banner lines: base URL(s) and demo credentials, for a person to copy. */
  describe(app: SimApp, url: string): string[];
}

/** Every simulator that exists. A vendor folder adds itself here, nowhere else. */
export const SIMULATORS: SimulatorModule[] = [purecloudSimulator, webexSimulator, rprmSimulator];

export function simulatorNames(): string[] {
  return SIMULATORS.map((s) => s.name);
}
