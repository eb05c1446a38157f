import express, { type Request, type Response, type Router } from 'express';
import type { components } from '../../../contracts/generated/purecloud.js';
import { SimError } from '../../kernel/index.js';
import { basicCredentials, type Tokens } from '../auth.js';

type OAuthError = components['schemas']['OAuthError'];

/** OAuth error names of RFC 6749 that the login service answers with (the contract's enum). */
export type OAuthErrorName = OAuthError['error'];

/** Grants the login service knows; only client credentials is simulated. */
const KNOWN_GRANTS = new Set([
  'client_credentials',
  'authorization_code',
  'refresh_token',
  'password',
  'urn:ietf:params:oauth:grant-type:saml2-bearer',
  'urn:ietf:params:oauth:grant-type:jwt-bearer',
]);

function oauthError(status: number, error: OAuthErrorName, description: string): SimError {
  return new SimError(status, description, { code: error, details: { oauth: true } });
}

/** The OAuth error name for errors not raised by the token route (faults, kernel errors). */
function nameForStatus(status: number): OAuthErrorName {
  if (status === 401) return 'invalid_client';
  if (status === 429) return 'too_many_requests';
  if (status === 503) return 'temporarily_unavailable';
  if (status >= 500) return 'server_error';
  return 'invalid_request';
}

/** Login-service errors are OAuth JSON, never ErrorBody: `{error, description, error_description}`. */
export function renderOAuthError(res: Response, error: SimError): void {
  const name = error.details.oauth ? (error.code as OAuthErrorName) : nameForStatus(error.status);
  res.status(error.status).json({
    error: name,
    description: error.message,
    error_description: error.message,
  } satisfies OAuthError);
}

export function oauthRoutes(
  router: Router,
  tokens: Tokens,
  settings: { bodyLimitBytes: number; invalidClientStatus: 400 | 401 },
): void {
  const form = express.urlencoded({ extended: false, limit: settings.bodyLimitBytes });
  router.post('/oauth/token', form, (req: Request, res: Response) => {
    if (!req.is('application/x-www-form-urlencoded')) {
      throw oauthError(400, 'invalid_request', 'request body must be application/x-www-form-urlencoded');
    }
    const credentials = basicCredentials(req.get('authorization'));
    if (!credentials)
      throw oauthError(settings.invalidClientStatus, 'invalid_client', 'client authentication required');
    const record = tokens.client(credentials.id);
    if (!record) throw oauthError(settings.invalidClientStatus, 'invalid_client', 'client not found');
    if (record.client.clientSecret !== credentials.secret) {
      throw oauthError(settings.invalidClientStatus, 'invalid_client', 'authentication failed');
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const grant = body.grant_type;
    if (typeof grant !== 'string' || grant === '') {
      throw oauthError(400, 'invalid_request', 'missing grant_type');
    }
    if (!KNOWN_GRANTS.has(grant))
      throw oauthError(400, 'unsupported_grant_type', `unsupported grant type: ${grant}`);
    const allowed = record.client.grantTypes ?? ['client_credentials'];
    if (!allowed.includes(grant)) {
      throw oauthError(400, 'unauthorized_client', `client is not authorized to use grant type ${grant}`);
    }
    if (grant !== 'client_credentials') {
      throw oauthError(400, 'unsupported_grant_type', `grant type ${grant} is not simulated`);
    }
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).json({
      access_token: tokens.issue(record),
      token_type: 'bearer',
      expires_in: tokens.lifetime,
    } satisfies components['schemas']['OAuthToken']);
  });
}
