import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { SESSION_COOKIE } from '../../modules/auth/session-token';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function usesSessionCookie(req: Request): boolean {
  const bearer = req.headers.authorization?.toLowerCase().startsWith('bearer ');
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return !bearer && Boolean(cookie);
}

/**
 * Is this write from our own pages? Browsers say so in Sec-Fetch-Site (same-origin; `none` = typed or bookmarked);
 * older ones send Origin, which must be this server's (or PUBLIC_URL's) origin. A request with neither header is
 * not a cross-site browser request (every browser that sends cookies cross-site sends Origin on a POST).
 */
export function sameOrigin(req: Request, publicUrl?: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage are foreign
  }
  if (host === req.headers.host) return true;
  return publicUrl ? new URL(publicUrl).host === host : false;
}

/**
 * CSRF defence (issue #12): a write authenticated by the session cookie must come from our own origin.
 * Bearer-token clients are unaffected — a foreign site cannot make the browser attach a token.
 */
export function rejectCrossSiteWrites(publicUrl?: string) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (WRITES.has(req.method) && usesSessionCookie(req) && !sameOrigin(req, publicUrl)) {
      return next(
        new AppError('CSRF_REJECTED', {}, { origin: req.headers.origin ?? null, secFetchSite: req.headers['sec-fetch-site'] ?? null }),
      );
    }
    next();
  };
}

/**
 * Answers with a caller's data (and the sign-in answer, which carries a token) must not be kept by browsers or
 * shared caches (issue #12). Every API answer is per caller, so all get `no-store`; a handler serving something
 * shareable (the print script) sets its own Cache-Control afterwards.
 */
export function noStoreApiAnswers(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
