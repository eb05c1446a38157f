import { purecloudBench } from './purecloud.js';
import { rprmBench } from './rprm.js';
import type { VendorBench } from './types.js';

/** Every vendor the bench knows how to prepare. */
export const VENDOR_BENCHES: VendorBench[] = [purecloudBench, rprmBench];
