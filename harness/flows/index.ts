import type { VendorHarness } from '../vendors.js';
import { pureCloudHarness } from './purecloud.js';
import { rprmHarness } from './rprm.js';
import { webexHarness } from './webex.js';

/** Every vendor the harness has flows for, in run order. */
export const VENDORS: VendorHarness[] = [pureCloudHarness, webexHarness, rprmHarness];
