import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale, Role } from '@partnerline/domain';

export interface AuthenticatedUser {
  id: string;
  email: string;
  role: Role;
  partnerId: string | null;
  sessionId: string;
  locale: Locale;
}

export interface RequestContext {
  requestId: string;
  locale: Locale;
  user?: AuthenticatedUser;
}

/** Per-request facts (request id, caller, language) for logs and audit rows, without threading them everywhere. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}
