import request from 'supertest';
import { expect } from 'vitest';
import { Clock } from '../../../simulators/kernel/index.js';
import { createPureCloudApp, type PureCloudOptions } from '../../../simulators/purecloud/index.js';
import type { ContractGuard } from '../../support/contract-guard.js';

export const START = '2026-03-15T10:00:00Z';

export function manualClock(start: string = START): Clock {
  return new Clock({ mode: 'manual', start });
}

export function makeApp(guard: ContractGuard, options: PureCloudOptions = {}) {
  return createPureCloudApp({ clock: manualClock(), onExchange: guard.onExchange, ...options });
}

export type App = ReturnType<typeof makeApp>;

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/** Logs in with the client-credentials grant and returns the bearer header value. */
export async function login(app: App, clientId: string, secret = `${clientId}-secret`): Promise<string> {
  const res = await request(app)
    .post('/oauth/token')
    .set('Authorization', basic(clientId, secret))
    .type('form')
    .send({ grant_type: 'client_credentials' });
  expect(res.status).toBe(200);
  return `Bearer ${res.body.access_token}`;
}

/** Asserts an ErrorBody with its code, status and contextId equal to the correlation header. */
export function expectErrorBody(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ status, code, details: [], errors: [] });
  expect(typeof res.body.message).toBe('string');
  expect(res.headers['inin-correlation-id']).toBeTruthy();
  expect(res.body.contextId).toBe(res.headers['inin-correlation-id']);
}

export function expectOAuthError(res: request.Response, status: number, error: string): void {
  expect(res.status).toBe(status);
  expect(res.body.error).toBe(error);
  expect(res.body.error_description).toBe(res.body.description);
  expect(res.headers['inin-correlation-id']).toBeTruthy();
}
