/** A request as a fake route sees it. */
export interface FakeRequest {
  method: string;
  url: URL;
  body: unknown;
  headers: Record<string, string>;
}

/** What a fake route answers: a JSON body (status 200), or an explicit status with an optional body. */
export type FakeAnswer = { status: number; body?: unknown } | { json: unknown };
export type FakeRoute = (req: FakeRequest) => FakeAnswer;

/**
 * A stand-in for `fetch` in unit tests: routes keyed "METHOD /api/path" (no query string) answer JSON like the API,
 * unknown routes answer 404 with an ErrorBody. Every request is recorded in `calls` for assertions.
 */
export function fakeApi(routes: Record<string, FakeRoute>) {
  const calls: FakeRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const req: FakeRequest = { method, url, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined, headers: (init.headers ?? {}) as Record<string, string> };
    calls.push(req);
    const route = routes[`${method} ${url.pathname}`] ?? derived(routes, `${method} ${url.pathname}`);
    const answer: FakeAnswer = route ? route(req) : { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: `No fake for ${method} ${url.pathname}` } };
    const status = 'json' in answer ? 200 : answer.status;
    const body = 'json' in answer ? answer.json : answer.body;
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch: fetchImpl, calls };
}

/** Shorthand for a route that always answers the same JSON. */
export const json =
  (body: unknown): FakeRoute =>
  () => ({ json: body });

/** GET /api/auth/session (the apps' session probe) follows a test's GET /api/auth/me: its user, or null for a 401. */
function derived(routes: Record<string, FakeRoute>, key: string): FakeRoute | undefined {
  const me = routes['GET /api/auth/me'];
  if (key !== 'GET /api/auth/session' || !me) return undefined;
  return (req) => {
    const answer = me(req);
    if ('json' in answer) return { json: { user: answer.json } };
    return answer.status === 401 ? { json: { user: null } } : answer;
  };
}
