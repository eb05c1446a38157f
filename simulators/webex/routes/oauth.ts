import express, { type Request, type Response, type Router } from 'express';
import { SimError } from '../../kernel/index.js';
import type { WebexIntegration } from '../options.js';
import type { WebexState } from '../state.js';
import { badRequest } from './params.js';

/** [R] Authorization codes live ten minutes and open one token exchange. */
const CODE_LIFETIME_MS = 10 * 60_000;

/**
 * Webex's OAuth endpoints for integrations [C: endpoint and fields; R: lifetimes]:
 * `GET /v1/authorize` (the simulator consents at once, as the integration's administrator, and
 * redirects with a code) and `POST /v1/access_token` (authorization_code and refresh_token
 * grants) answering `{access_token, expires_in, refresh_token, refresh_token_expires_in}`.
 */
export function oauthRoutes(router: Router, state: WebexState): void {
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  router.get('/v1/authorize', (req, res) => authorize(state, req, res));
  router.post('/v1/access_token', form, (req, res) => accessToken(state, req, res));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function authorize(state: WebexState, req: Request, res: Response): void {
  const q = req.query;
  const integration = state.options.integrations.find((i) => i.clientId === text(q.client_id));
  if (!integration) throw badRequest(['client_id is not the id of a registered integration.']);
  if (text(q.response_type) !== 'code') throw badRequest(['response_type must be code.']);
  const redirectUri = text(q.redirect_uri) ?? integration.redirectUri;
  if (redirectUri !== integration.redirectUri)
    throw badRequest(['redirect_uri does not match the integration’s registered redirect URI.']);
  const asked = (text(q.scope) ?? integration.scopes.join(' ')).split(/[ +]/).filter(Boolean);
  const unknown = asked.filter((s) => !integration.scopes.includes(s) && s !== 'spark:kms');
  if (unknown.length)
    throw badRequest([`scope names scopes the integration does not have: ${unknown.join(' ')}.`]);
  const code = state.oauth.issue({
    kind: 'code',
    org: integration.partnerOrgUuid,
    person: integration.personUuid,
    scopes: asked.filter((s) => s !== 'spark:kms'),
    clientId: integration.clientId,
    exp: state.kernel.clock.now() + CODE_LIFETIME_MS,
    redirectUri,
  });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (text(q.state)) target.searchParams.set('state', text(q.state) as string);
  res.redirect(302, target.toString());
}

function accessToken(state: WebexState, req: Request, res: Response): void {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (!req.is('application/x-www-form-urlencoded') && !req.is('application/json')) {
    throw new SimError(415, 'Unsupported Media Type: send the form as application/x-www-form-urlencoded.');
  }
  const grant = text(body.grant_type);
  const clientId = text(body.client_id);
  const clientSecret = text(body.client_secret);
  const missing = ['grant_type', 'client_id', 'client_secret'].filter((k) => !text(body[k]));
  if (missing.length) throw badRequest(missing.map((k) => `${k} is required.`));
  const integration = state.options.integrations.find((i) => i.clientId === clientId);
  if (!integration || integration.clientSecret !== clientSecret) {
    throw new SimError(401, 'The client_id and client_secret do not identify a registered integration.');
  }
  const now = state.kernel.clock.now();
  let scopes: string[];
  if (grant === 'authorization_code') {
    const claims = text(body.code) ? state.oauth.read(body.code as string) : undefined;
    if (claims?.kind !== 'code' || claims.clientId !== integration.clientId)
      throw badRequest(['code is not an authorization code of this integration.']);
    if (claims.exp <= now) throw badRequest(['code has expired; authorize again.']);
    if (text(body.redirect_uri) !== undefined && body.redirect_uri !== claims.redirectUri)
      throw badRequest(['redirect_uri does not match the one the code was issued for.']);
    if (!state.spendCode(claims.n)) throw badRequest(['code has already been used.']);
    scopes = claims.scopes;
  } else if (
    grant === 'refresh_token' &&
    integration.demoRefreshToken &&
    body.refresh_token === integration.demoRefreshToken
  ) {
    scopes = integration.scopes;
  } else if (grant === 'refresh_token') {
    const claims = text(body.refresh_token) ? state.oauth.read(body.refresh_token as string) : undefined;
    if (claims?.kind !== 'refresh' || claims.clientId !== integration.clientId)
      throw badRequest(['refresh_token is not a refresh token of this integration.']);
    if (claims.exp <= now) throw badRequest(['refresh_token has expired; authorize the integration again.']);
    scopes = claims.scopes;
  } else {
    throw badRequest([`grant_type must be authorization_code or refresh_token; got "${grant}".`]);
  }
  res.json(issueTokens(state, integration, scopes));
}

/** A fresh access token and a renewed refresh token (refresh tokens in use keep being renewed). */
export function issueTokens(state: WebexState, integration: WebexIntegration, scopes: string[]) {
  const now = state.kernel.clock.now();
  const { accessTokenLifetimeSeconds: access, refreshTokenLifetimeSeconds: refresh } = state.options;
  const base = {
    org: integration.partnerOrgUuid,
    person: integration.personUuid,
    scopes,
    clientId: integration.clientId,
  };
  return {
    access_token: state.oauth.issue({ ...base, kind: 'access', exp: now + access * 1000 }),
    expires_in: access,
    refresh_token: state.oauth.issue({ ...base, kind: 'refresh', exp: now + refresh * 1000 }),
    refresh_token_expires_in: refresh,
  };
}
