import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { createApp } from '../../src/bootstrap/create-app';
import { prepareDatabase } from '../../src/bootstrap/database';
import { loadConfig } from '../../src/config/config';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { seedDemo } from '../../src/seed/seed';
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
 * A database of the file's own, migrated and loaded with the demo data only: for a test that asserts what the demo
 * data shows as a whole (e.g. aggregates over every partner), which other files' records in the shared database would
 * change. A fresh database on the server when the run uses one, else a second embedded PostgreSQL. Dispose it in afterAll.
 */
export async function ownDemoDatabase(): Promise<{ url: string; dispose: () => Promise<void> }> {
  let db: { url: string; dispose: () => Promise<void> };
  if (isRealServer()) {
    const server = new URL(testDatabaseUrl());
    const name = `partnerline_own_${process.pid}_${Date.now()}`;
    const c = new Client({ connectionString: server.toString() });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(server.toString());
    u.pathname = `/${name}`;
    db = {
      url: u.toString(),
      dispose: async () => {
        const d = new Client({ connectionString: server.toString() });
        await d.connect();
        await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await d.end();
      },
    };
  } else {
    const embedded = await startEmbeddedPostgres(null, 30);
    db = { url: embedded.url, dispose: embedded.stop };
  }
  await prepareDatabase(db.url, { runMigrations: true, seedDemo: true, seed: async (ds) => (await seedDemo(ds)) !== null });
  return db;
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
