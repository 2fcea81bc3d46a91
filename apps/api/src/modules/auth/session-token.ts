import { createHmac, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'pl_session';

/** An opaque bearer token; only its keyed hash is stored, so a database leak yields no usable sessions. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
