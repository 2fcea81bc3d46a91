// partnerline/boundaries: a relative import may not leave its own workspace package (apps/<x> or packages/<x>),
// and nothing outside an app may import that app by name. Apps talk over HTTP, packages are imported by name.
import { dirname, resolve, sep } from 'node:path';

const APPS = new Set(['admin', 'portal', 'api', 'e2e']);

/** The workspace unit a path belongs to, e.g. "apps/admin" or "packages/domain" (null outside both). */
export function unitOf(path) {
  const parts = path.split(sep);
  for (let i = parts.length - 2; i >= 0; i--) {
    if ((parts[i] === 'apps' || parts[i] === 'packages') && parts[i + 1]) return `${parts[i]}/${parts[i + 1]}`;
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'No app imports another app; no relative import reaches into another workspace package.' },
    schema: [],
    messages: {
      relative:
        "'{{source}}' reaches from {{from}} into {{to}}. Apps never import each other (they talk over HTTP); shared code lives in packages/* and is imported by package name.",
      app: "'{{source}}' imports the app {{app}} from {{from}}. Apps never import each other: move shared code to packages/domain or packages/ui.",
    },
  },
  create(context) {
    const filename = context.physicalFilename ?? context.filename;
    const from = unitOf(filename);
    function check(node) {
      const source = node.source && typeof node.source.value === 'string' ? node.source.value : null;
      if (!source) return;
      if (source.startsWith('.')) {
        const to = unitOf(resolve(dirname(filename), source));
        if (from && to && to !== from) context.report({ node: node.source, messageId: 'relative', data: { source, from, to } });
        return;
      }
      const m = /^@partnerline\/([^/]+)/.exec(source);
      if (m && APPS.has(m[1]) && from !== `apps/${m[1]}`) {
        context.report({ node: node.source, messageId: 'app', data: { source, from: from ?? 'here', app: `apps/${m[1]}` } });
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
