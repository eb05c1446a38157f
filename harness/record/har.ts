import type { HarEntryBase, HarLog } from '../../simulators/kernel/har.js';

/** The HAR 1.2 shapes are the kernel's (`simulators/kernel/har.ts`); the recorder adds its fields. */
export type { HarContent, HarHeader } from '../../simulators/kernel/har.js';

/** One attempt of a flow's step, with billing-sim's extensions (custom fields start with `_`). */
export interface HarEntry extends HarEntryBase {
  _seq: number;
  _flow?: string;
  _vendor?: string;
  _step: string;
  _attempt: number;
  /** The attempt failed below HTTP or its body broke off. */
  _error?: string;
}

/** A recording: every exchange of a run. */
export type Har = HarLog<HarEntry>;
