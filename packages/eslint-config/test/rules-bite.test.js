// Proves the architecture rules bite: each snippet is linted with the REAL eslint.config of the package it pretends
// to live in (ESLint looks the config up from the file path), so a loosened config fails here.
import { ESLint } from 'eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const eslint = new ESLint({ cwd: repo });

async function errors(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath: join(repo, filePath) });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const sqlInCode = `
export class XService {
  constructor(private readonly ds: { query(sql: string, params: unknown[]): Promise<unknown[]> }) {}
  find(id: string) {
    return this.ds.query('SELECT * FROM x WHERE id = $1', [id]);
  }
}
`;
const builderInCode = `
export function find(m: { createQueryBuilder(alias: string): unknown }) {
  return m.createQueryBuilder('x');
}
`;

describe('SQL only in repositories (apps/api/src)', () => {
  it('a service calling .query( is an error that says where SQL belongs', async () => {
    const found = await errors('apps/api/src/modules/x/x.service.ts', sqlInCode);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-syntax: SQL belongs in a repository/);
    expect(found[0]).toContain('*.repository.ts');
  });

  it('createQueryBuilder( in a controller is an error too', async () => {
    expect(await errors('apps/api/src/modules/x/x.controller.ts', builderInCode)).toHaveLength(1);
  });

  it('the same code in x.repository.ts, src/database, src/seed or a test passes', async () => {
    expect(await errors('apps/api/src/modules/x/x.repository.ts', sqlInCode)).toEqual([]);
    expect(await errors('apps/api/src/modules/x/x.repository.ts', builderInCode)).toEqual([]);
    expect(await errors('apps/api/src/database/migrations/1700000000000-X.ts', sqlInCode)).toEqual([]);
    expect(await errors('apps/api/src/seed/seed-x.ts', sqlInCode)).toEqual([]);
    expect(await errors('apps/api/test/e2e/x.e2e-spec.ts', sqlInCode)).toEqual([]);
  });
});

describe('packages/domain is pure', () => {
  it('importing @nestjs/common is an error', async () => {
    const found = await errors('packages/domain/src/x/x.rules.ts', `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-imports: .*packages\/domain is pure/);
  });

  it('typeorm, react and node:* are errors as well', async () => {
    for (const source of ['typeorm', 'react', 'node:fs']) {
      expect(await errors('packages/domain/src/x/x.rules.ts', `import * as m from '${source}';\nexport const x = m;\n`)).toHaveLength(1);
    }
  });

  it('zod, decimal.js and relative files are fine', async () => {
    const code = `import { z } from 'zod';\nimport Decimal from 'decimal.js';\nimport { y } from '../common/y';\nexport const x = [z, Decimal, y];\n`;
    expect(await errors('packages/domain/src/x/x.rules.ts', code)).toEqual([]);
  });

  it('a relative path out of the package is an error', async () => {
    const found = await errors('packages/domain/src/x/x.rules.ts', `import { y } from '../../../ui/src/y';\nexport const x = y;\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^partnerline\/boundaries:/);
  });
});

describe('no app imports another app', () => {
  it('the admin importing from the portal by relative path is an error', async () => {
    const found = await errors(
      'apps/admin/src/routes/_authed/x.tsx',
      `import { portalClient } from '../../../../portal/src/api/client';\nexport const x = portalClient;\n`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^partnerline\/boundaries: .*apps\/admin into apps\/portal/);
  });

  it('the admin importing the portal or the api package by name is an error', async () => {
    expect(await errors('apps/admin/src/x.ts', `import { y } from '@partnerline/portal';\nexport const x = y;\n`)).toHaveLength(1);
    expect(await errors('apps/portal/src/x.ts', `import { y } from '@partnerline/api/dist/main';\nexport const x = y;\n`)).toHaveLength(1);
  });

  it('the portal importing the api by relative path is an error', async () => {
    expect(await errors('apps/portal/src/x.ts', `import { y } from '../../api/src/main';\nexport const x = y;\n`)).toHaveLength(1);
  });

  it('shared packages and the app’s own files are fine', async () => {
    const code = `import { PageHeader } from '@partnerline/ui';\nimport { z } from '@partnerline/domain';\nimport { y } from '../../../components/y';\nexport const x = [PageHeader, z, y];\n`;
    expect(await errors('apps/admin/src/routes/_authed/x/x.tsx', code)).toEqual([]);
  });
});
