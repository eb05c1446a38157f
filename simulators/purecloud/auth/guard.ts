import type { Request } from 'express';
import { apiError } from '../errors.js';
import { hasAny } from './permissions.js';
import { bearerToken, type IssuedToken, type TokenStore } from './tokens.js';

/**
 * Authenticates the bearer token and checks the operation's permissions, in that order
 * (401 before 403), before any parameter is looked at.
 */
export function authorize(tokens: TokenStore, req: Request, anyOf: readonly string[]): IssuedToken {
  const raw = bearerToken(req.get('authorization'));
  if (!raw) {
    throw apiError(
      401,
      'authentication.required',
      'No authentication bearer token specified in authorization header.',
    );
  }
  const token = tokens.find(raw);
  if (!token) throw apiError(401, 'bad.credentials', 'Invalid login credentials.');
  if (tokens.expired(token)) {
    throw apiError(401, 'credentials.expired', 'The supplied credentials are expired and cannot be used.');
  }
  if (!hasAny(token.permissions, anyOf)) throw missingPermissions(anyOf);
  return token;
}

function missingPermissions(anyOf: readonly string[]) {
  const list = `[${anyOf.join(', ')}]`;
  if (anyOf.length === 1) {
    return apiError(
      403,
      'missing.permissions',
      `Unable to perform the requested action. You are missing the following permission(s): ${list}`,
      {
        messageWithParams:
          'Unable to perform the requested action. You are missing the following permission(s): {permissions}',
        messageParams: { permissions: list },
      },
    );
  }
  return apiError(
    403,
    'missing.any.permissions',
    `Unable to perform the requested action. You must have at least one of the following permissions assigned: ${list}`,
    {
      messageWithParams:
        'Unable to perform the requested action. You must have at least one of the following permissions assigned: {permissions}',
      messageParams: { permissions: list },
    },
  );
}
