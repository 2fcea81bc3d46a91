import { type Locale, LocaleSchema, localeFromAcceptLanguage } from '@partnerline/domain';
import type { Request } from 'express';
import { currentRequest } from './request-context';

/**
 * The caller's language: `?lang=`, else the Accept-Language header (the apps send the UI
 * language), else the signed-in user's saved setting, else English.
 */
export function localeOf(req: Request): Locale {
  const explicit = LocaleSchema.safeParse(req.query?.lang);
  if (explicit.success) return explicit.data;
  const fallback = currentRequest()?.user?.locale ?? 'en';
  return localeFromAcceptLanguage(req.headers['accept-language'], fallback);
}

export function requestIdOf(req: Request): string | undefined {
  return (req as Request & { id?: string }).id ?? currentRequest()?.requestId;
}
