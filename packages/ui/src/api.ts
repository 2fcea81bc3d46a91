import type { ErrorBody, FieldIssue } from '@partnerline/domain';
import { currentLanguage } from './i18n';

/** An error answer from the API, with its stable code and per-field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** Issues keyed by field path, for showing next to form fields. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.issues.map((i) => [i.path, i.message]));
  }
}

/** The message to show for a failure: the API's translated message (an ApiError is an Error), else the thrown value as text. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/** Calls the API on the same origin with the session cookie and the UI language; throws ApiError on failure. */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await fetch(buildUrl(path, options.query), {
    method: options.method ?? 'GET',
    credentials: 'include',
    headers: {
      Accept: 'application/json',
      'Accept-Language': currentLanguage(),
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  return readAnswer<T>(res);
}

/**
 * Sends a multipart form (file uploads; apiFetch speaks JSON only) with the session cookie and the UI language; the
 * answer and its errors are read exactly as apiFetch reads them (ApiError with code, issues and details).
 */
export async function apiFetchForm<T>(
  path: string,
  form: FormData,
  options: { method?: 'POST' | 'PUT' | 'PATCH'; query?: RequestOptions['query'] } = {},
): Promise<T> {
  const res = await fetch(buildUrl(path, options.query), {
    method: options.method ?? 'POST',
    credentials: 'include',
    // No Content-Type: the browser sets multipart/form-data with its boundary.
    headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
    body: form,
  });
  return readAnswer<T>(res);
}

async function readAnswer<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = (data ?? {}) as Partial<ErrorBody>;
    throw new ApiError(res.status, err.code ?? 'INTERNAL', err.message ?? res.statusText, err.issues ?? [], err.details);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
