import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap/create-app';
import { loadConfig } from '../../src/config/config';
import { DEMO_PASSWORD } from '../../src/seed/data/partners';

export const PASSWORD = DEMO_PASSWORD;

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through jest (global setup)');
  return url;
}

export function isRealServer(): boolean {
  return process.env.TEST_DATABASE_KIND === 'server';
}

/** The real application (all modules, filters, middleware) on the test database. */
export async function createTestApp(env: Record<string, string> = {}, databaseUrl = testDatabaseUrl()): Promise<INestApplication> {
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    DATABASE_URL: databaseUrl,
    BODY_LIMIT: '64kb',
    JOBS_ENABLED: 'false',
    // Against the embedded database (one backend session) the app uses one connection, as in production.
    ...(isRealServer() ? {} : { DATABASE_POOL_SIZE: '1' }),
    ...env,
  });
  const app = await createApp(config, databaseUrl, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  await app.init();
  return app;
}

/**
 * The second database of the run (global setup): the demo data alone, for the one file that asserts what the demo
 * data shows as a whole (the coverage spec). Other files use the shared database.
 */
export function demoOnlyDatabaseUrl(): string {
  const url = process.env.TEST_DEMO_DATABASE_URL;
  if (!url) throw new Error('TEST_DEMO_DATABASE_URL is not set: run through jest (global setup)');
  return url;
}

export function dataSourceOf(app: INestApplication): DataSource {
  return app.get(DataSource);
}

/** Signs in and returns the bearer token. */
export async function loginAs(app: INestApplication, email: string, password = PASSWORD): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

export function api(app: INestApplication, token?: string) {
  const server = app.getHttpServer();
  const withAuth = (r: request.Test) => (token ? r.set('Authorization', `Bearer ${token}`) : r);
  return {
    get: (url: string) => withAuth(request(server).get(url)),
    post: (url: string) => withAuth(request(server).post(url)),
    put: (url: string) => withAuth(request(server).put(url)),
    patch: (url: string) => withAuth(request(server).patch(url)),
    delete: (url: string) => withAuth(request(server).delete(url)),
  };
}

/** Collects a binary body, for `.buffer(true).parse(binaryBody)` (supertest parses only text and JSON by itself). */
export function binaryBody(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
