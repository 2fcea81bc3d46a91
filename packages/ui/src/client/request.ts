import type { z } from 'zod';
import { apiFetch, apiFetchForm, type RequestOptions } from '../api';

/**
 * The API answered something its domain response schema does not describe: the app and the API have drifted
 * (or a deploy is half-way). Shown as an ordinary error in development so the drift is fixed, not papered over.
 */
export class ResponseMismatchError extends Error {
  constructor(
    readonly endpoint: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`${endpoint} answered a shape its response schema does not describe: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'ResponseMismatchError';
  }
}

/**
 * What a mismatch does:
 * - 'throw' (development, `vite dev`): the query fails with ResponseMismatchError, visible on the page;
 * - 'log' (production builds): console.error once per endpoint, and the data is used as received — the API
 *   serialised it through the same schema, so a mismatch there means version skew, and showing what arrived
 *   beats a blank page;
 * - 'ignore' (unit tests, whose fake APIs answer only the fields a test needs): the data is used as received.
 *   A test that wants the check calls setResponseMismatchPolicy('throw').
 */
export type MismatchPolicy = 'throw' | 'log' | 'ignore';

let policy: MismatchPolicy = import.meta.env.MODE === 'test' ? 'ignore' : import.meta.env.DEV ? 'throw' : 'log';
const logged = new Set<string>();

export function setResponseMismatchPolicy(next: MismatchPolicy): void {
  policy = next;
}

/** Parses an answer with its domain schema, applying the mismatch policy. */
export function parseResponse<S extends z.ZodType>(schema: S, data: unknown, endpoint: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const error = new ResponseMismatchError(endpoint, result.error.issues);
  if (policy === 'throw') throw error;
  if (policy === 'log' && !logged.has(endpoint)) {
    logged.add(endpoint);
    console.error(error);
  }
  return data as z.output<S>;
}

/** GET an endpoint and parse its answer. `path` may hold ids; the endpoint label keeps them out of the log key. */
export async function getParsed<S extends z.ZodType>(schema: S, path: string, query?: RequestOptions['query']): Promise<z.output<S>> {
  return parseResponse(schema, await apiFetch<unknown>(path, { query }), `GET ${path}`);
}

/** POST/PUT/PATCH an endpoint and parse its answer (for mutations that answer a body). */
export async function sendParsed<S extends z.ZodType>(schema: S, path: string, method: 'POST' | 'PUT' | 'PATCH', body?: unknown): Promise<z.output<S>> {
  return parseResponse(schema, await apiFetch<unknown>(path, { method, body: body ?? {} }), `${method} ${path}`);
}

/**
 * Send a multipart form (a file upload) and parse the answer; refusals throw ApiError exactly as the JSON calls do.
 * An endpoint answering 204 parses `undefined` (give it `z.undefined()` or `z.unknown()`).
 */
export async function sendForm<S extends z.ZodType>(
  schema: S,
  path: string,
  form: FormData,
  init: { method?: 'POST' | 'PUT' | 'PATCH'; query?: RequestOptions['query'] } = {},
): Promise<z.output<S>> {
  const method = init.method ?? 'POST';
  return parseResponse(schema, await apiFetchForm<unknown>(path, form, { ...init, method }), `${method} ${path}`);
}

/** POST an endpoint that answers 204. */
export async function sendVoid(path: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown): Promise<void> {
  await apiFetch<void>(path, { method, body: body ?? {} });
}
