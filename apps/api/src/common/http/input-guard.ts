import type { ZodIssueLike } from '@partnerline/domain';
import type { NextFunction, Request, Response } from 'express';

/** A request refused before routing because of what its text contains; rendered as VALIDATION_FAILED (400). */
export class InputRejected extends Error {
  constructor(readonly issues: ZodIssueLike[]) {
    super('input rejected');
  }
}

// JSON from people and integrations is a few levels deep; far deeper is an attack on the validators' recursion.
const MAX_DEPTH = 32;

/**
 * Text PostgreSQL cannot store: a NUL byte (22021) or a lone UTF-16 surrogate, which becomes an invalid UTF-8
 * sequence (22P05). Invalid UTF-8 in the body itself is already replaced by U+FFFD when the body is decoded.
 */
export function unstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Walks a parsed body or query without recursion and names the first fields that cannot be accepted. */
export function hostileTextIssues(value: unknown, root: string): ZodIssueLike[] {
  const issues: ZodIssueLike[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: root ? [root] : [] }];
  while (stack.length && issues.length < 10) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (unstorable(v)) issues.push({ code: 'custom', path, message: 'validation.text_characters' });
    } else if (v && typeof v === 'object') {
      if (path.length - (root ? 1 : 0) > MAX_DEPTH) {
        issues.push({ code: 'custom', path, message: 'validation.too_deep' });
        continue;
      }
      for (const [key, child] of Object.entries(v)) {
        if (unstorable(key)) issues.push({ code: 'custom', path: [...path, '(key)'], message: 'validation.text_characters' });
        else stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return issues;
}

/** Express middleware (after body parsing, before the routes): refuses unstorable text in the path, query and body. */
export function rejectHostileInput(req: Request, _res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(new InputRejected([{ code: 'custom', path: ['(path)'], message: 'validation.text_characters' }]));
  }
  const issues = unstorable(path) ? [{ code: 'custom', path: ['(path)'], message: 'validation.text_characters' } as ZodIssueLike] : [];
  issues.push(...hostileTextIssues(req.query, ''), ...hostileTextIssues(req.body, ''));
  next(issues.length ? new InputRejected(issues) : undefined);
}

/** We never accept compressed request bodies: a Content-Encoding other than identity is 415, not a decoder crash. */
export function rejectEncodedBodies(req: Request, _res: Response, next: NextFunction): void {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.trim().toLowerCase() !== 'identity') {
    return next(Object.assign(new Error('unsupported content encoding'), { type: 'encoding.unsupported', status: 415 }));
  }
  next();
}
