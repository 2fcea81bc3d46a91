import { notFound } from '@tanstack/react-router';
import { ApiError } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A record page's id parameter: a malformed id is a page that does not exist (the app's not-found page), not an
 * error showing a validation message and a retry button.
 */
export function uuidParam(value: string): string {
  if (!UUID.test(value)) throw notFound();
  return value;
}

/** A loader's record: the API's 404 (unknown id, or a record the caller may not see) becomes the not-found page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) throw notFound();
    throw e;
  }
}
