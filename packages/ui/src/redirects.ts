/**
 * Where to go after signing in: an in-app path from the `redirect` search parameter, with or without the
 * app's base (`/admin/segments` or `/segments`). Anything else (other origins, `//host`) goes home: never an open redirect.
 */
export function safeRedirect(target: string | undefined, basePath: string): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) return '/';
  const inApp = target === basePath || target.startsWith(`${basePath}/`) ? target.slice(basePath.length) || '/' : target;
  // A path of the other app is not ours to open.
  if (/^\/(admin|portal)(\/|$)/.test(inApp)) return '/';
  return inApp;
}
