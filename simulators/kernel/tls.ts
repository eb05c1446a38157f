import { LOCALHOST_CERTIFICATE } from './localhost-certificate.js';

/** Loaded on first use: only a fresh certificate pays for the X.509 library. */
async function loadSelfsigned() {
  return import('selfsigned');
}

export interface TlsMaterial {
  cert: string;
  key: string;
}

/**
 * How an HTTPS simulator gets its certificate: `true` is the shipped localhost certificate
 * (the same bytes on every start, like WireMock's built-in keystore), `'generate'` makes a
 * fresh self-signed one, or give your own PEMs.
 */
export type TlsChoice = TlsMaterial | true | 'generate';

export async function resolveTls(choice: TlsChoice | undefined): Promise<TlsMaterial | undefined> {
  if (choice === undefined) return undefined;
  if (choice === true) return LOCALHOST_CERTIFICATE;
  if (choice === 'generate') return selfSignedCertificate();
  return choice;
}

export interface CertificateOptions {
  commonName?: string;
  notBefore?: Date;
  notAfter?: Date;
}

/** A self-signed certificate for localhost / 127.0.0.1 / ::1 (EC P-256, SHA-256). */
export async function selfSignedCertificate(options: CertificateOptions = {}): Promise<TlsMaterial> {
  const { generate } = await loadSelfsigned();
  const pems = await generate([{ name: 'commonName', value: options.commonName ?? 'localhost' }], {
    // P-256: a key in milliseconds, where RSA-2048's prime search took 50–360 ms.
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore,
    notAfterDate: options.notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
