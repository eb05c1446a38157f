import type { VendorBench } from './types.js';

/** Every vendor the bench knows how to prepare; a simulator without an entry is served but not loaded. */
export const VENDOR_BENCHES: VendorBench[] = [];
