import { purecloudBench } from './purecloud.js';
import { rprmBench } from './rprm.js';
import type { VendorBench } from './types.js';
import { webexBench } from './webex.js';

/** Every vendor the bench knows how to prepare, in the order the figures list them. */
export const VENDOR_BENCHES: VendorBench[] = [webexBench, purecloudBench, rprmBench];
