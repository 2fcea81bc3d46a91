import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import request from 'supertest';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/common/auth/auth.decorators';
import { api, createTestApp, loginAs } from '../support/test-app';

describe('access control', () => {
  let app: INestApplication;
  let lanting: string;
  let huaxin: string;
  let admin: string;
  let huaxinId: string;
  let lantingId: string;

  beforeAll(async () => {
    app = await createTestApp();
    [lanting, huaxin, admin] = await Promise.all([
      loginAs(app, 'owner@lanting.demo'),
      loginAs(app, 'owner@huaxin.demo'),
      loginAs(app, 'admin@partnerline.demo'),
    ]);
    huaxinId = (await api(app, huaxin).get('/api/auth/me')).body.partnerId;
    lantingId = (await api(app, lanting).get('/api/auth/me')).body.partnerId;
  });
  afterAll(() => app.close());

  it('a partner asking for another partner\'s record gets 404, its own 200', async () => {
    const other = await api(app, lanting).get(`/api/partners/${huaxinId}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    const own = await api(app, lanting).get(`/api/partners/${lantingId}`);
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('兰亭科技有限公司');
  });

  it('a partner listing partners sees only its own organisation, however it filters', async () => {
    const res = await api(app, lanting).get('/api/partners?q=华信&pageSize=200');
    expect(res.body.total).toBe(0);
    const all = await api(app, lanting).get('/api/partners?pageSize=200');
    expect(all.body.items.map((p: { id: string }) => p.id)).toEqual([lantingId]);
  });

  it('vendor staff see every partner (about 40 in the demo)', async () => {
    const res = await api(app, admin).get('/api/partners?pageSize=200');
    expect(res.body.total).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['get', '/api/users'],
    ['get', '/api/audit'],
    ['put', '/api/policies'],
    ['patch', '/api/segments/00000000-0000-4000-8000-000000000000'],
    ['post', '/api/users/00000000-0000-4000-8000-000000000000/disable'],
  ] as const)('a partner account on vendor-only %s %s → 403', async (method, url) => {
    const res = await api(app, huaxin)[method](url).send({});
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it.each(['/api/users', '/api/partners', '/api/segments', '/api/policies', '/api/auth/me', '/api/audit'])('no token on %s → 401', async (url) => {
    const res = await request(app.getHttpServer()).get(url);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('a forged token → 401', async () => {
    const res = await api(app, 'forged-token-forged-token-forged-token-123').get('/api/auth/me');
    expect(res.status).toBe(401);
  });

  it('every route handler declares its roles or is explicitly public (the guard fails closed otherwise)', () => {
    const undeclared: string[] = [];
    let handlers = 0;
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const ctrl = wrapper.metatype as { prototype: Record<string, unknown>; name: string } | null;
        if (!ctrl) continue;
        for (const name of Object.getOwnPropertyNames(ctrl.prototype)) {
          const fn = ctrl.prototype[name];
          if (name === 'constructor' || typeof fn !== 'function' || Reflect.getMetadata(PATH_METADATA, fn) === undefined) continue;
          handlers++;
          const declared = Reflect.getMetadata(PUBLIC_KEY, fn) ?? Reflect.getMetadata(ROLES_KEY, fn) ?? Reflect.getMetadata(ROLES_KEY, ctrl);
          if (!declared) undeclared.push(`${ctrl.name}.${name}`);
        }
      }
    }
    expect(handlers).toBeGreaterThan(15);
    expect(undeclared).toEqual([]);
  });

  it('the OpenAPI document lists the endpoints', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json');
    expect(res.status).toBe(200);
    for (const path of ['/api/auth/login', '/api/segments/{id}', '/api/policies', '/api/partners/{id}', '/api/health']) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
    const ui = await request(app.getHttpServer()).get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('health checks the database', async () => {
    const res = await request(app.getHttpServer()).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.database.ok).toBe(true);
  });
});
