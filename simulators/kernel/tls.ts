/** Loaded on first use: only HTTPS simulators without a given certificate pay for it. */
async function loadSelfsigned() {
  return import('selfsigned');
}

export interface TlsMaterial {
  cert: string;
  key: string;
}

/** A throw-away certificate for localhost / 127.0.0.1 / ::1, made at start when none is given. */
export async function selfSignedCertificate(commonName = 'localhost'): Promise<TlsMaterial> {
  const { generate } = await loadSelfsigned();
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    // P-256: a key in milliseconds, where RSA-2048's prime search took 50–360 ms of every start.
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
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
