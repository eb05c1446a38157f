import { readFileSync } from 'node:fs';
import type { RunTarget } from '../run.js';
import type { VendorHarness } from '../vendors.js';

export interface ExternalTargetOptions {
  /** PEM file with the CA (or self-signed certificate) to trust. */
  caFile?: string;
  insecure?: boolean;
}

/**
 * A target at a URL the user gave (another simulator, a Prism mock, the real vendor), with
 * credentials from environment variables. Missing required variables are reported together.
 */
export function externalTarget(
  vendor: VendorHarness,
  baseUrl: string,
  env: NodeJS.ProcessEnv,
  options: ExternalTargetOptions = {},
): RunTarget {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`--target ${vendor.vendor}=${baseUrl}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`--target ${vendor.vendor}=${baseUrl}: only http and https URLs`);
  const missing = vendor.env.filter((v) => v.required && !env[v.env]).map((v) => v.env);
  if (missing.length)
    throw new Error(`--target ${vendor.vendor} needs environment variable(s): ${missing.join(', ')}`);
  const credentials: RunTarget['credentials'] = {};
  for (const v of vendor.env) if (env[v.env]) credentials[v.credential] = env[v.env];
  let ca: string | undefined;
  if (options.caFile) {
    try {
      ca = readFileSync(options.caFile, 'utf8');
    } catch (e) {
      throw new Error(`cannot read CA file ${options.caFile}: ${(e as Error).message}`);
    }
  }
  return {
    vendor: vendor.vendor,
    baseUrl: url.toString().replace(/\/+$/, ''),
    credentials,
    ca,
    insecure: options.insecure,
  };
}
