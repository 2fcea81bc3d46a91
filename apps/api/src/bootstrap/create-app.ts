import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppModule } from '../app.module';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter';
import { errorHeaders, renderError } from '../common/errors/error-body';
import { noStoreApiAnswers, rejectCrossSiteWrites } from '../common/http/cross-site';
import { rejectEncodedBodies, rejectHostileInput } from '../common/http/input-guard';
import { requestContext } from '../common/http/request-context';
import { localeOf, requestIdOf } from '../common/http/request-locale';
import { PinoNestLogger } from '../common/logging/logger';
import { checkDefaultIsolation, usePreparedStatements } from '../database/connection.repository';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';

const PRINT_SCRIPT = "document.getElementById('print')?.addEventListener('click', () => window.print());\n";

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

/** Where the built web apps are: apps/<name>/dist, or STATIC_DIR/<name> in a packaged deployment. */
function appDist(config: AppConfig, name: 'admin' | 'portal'): string {
  return config.STATIC_DIR ? join(config.STATIC_DIR, name) : join(repoRoot, 'apps', name, 'dist');
}

/** Vite names every file under assets/ by its content hash: a changed file is a new URL, so it may be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheControlFor(dir: string, path: string): string {
  if (/^assets[\\/]/.test(relative(dir, path))) return IMMUTABLE;
  return path.endsWith('.html') ? 'no-cache' : 'public, max-age=3600';
}

function serveSpa(server: express.Express, mount: string, dir: string) {
  if (!existsSync(join(dir, 'index.html'))) return false;
  // Compressed (brotli or gzip, as the browser accepts) only for the apps' files; API responses stay as they are.
  server.use(mount, compression({ threshold: 1024 }));
  server.use(
    mount,
    express.static(dir, { index: false, setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlFor(dir, path)) }),
  );
  // Any other path below the mount is a client-side route: answer with the app shell.
  server.get(new RegExp(`^${mount}(/.*)?$`), (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
  return true;
}

export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<NestExpressApplication> {
  usePreparedStatements(!!config.DATABASE_URL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  app.disable('x-powered-by');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => !(req.url ?? '').startsWith('/api/') },
      // One short line per request: method, path, status, time, request id (no headers — cheaper, and no cookies in logs).
      quietReqLogger: true,
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  app.use((req: Request, _res: Response, next: NextFunction) => {
    requestContext.run({ requestId: String((req as Request & { id?: unknown }).id), locale: 'en' }, () => next());
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // No 'unsafe-inline': the apps load their bundles by URL and the printable documents use /api/documents/print.js.
          'script-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use('/api', rejectEncodedBodies);
  app.use('/api', express.json({ limit: config.BODY_LIMIT }));
  app.use('/api', rejectHostileInput);
  app.use('/api', rejectCrossSiteWrites(config.PUBLIC_URL));
  app.use('/api', noStoreApiAnswers);
  // Body-parser failures (malformed JSON, too large) happen before Nest routes: answer them here, as JSON.
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const rendered = renderError(err, localeOf(req), requestIdOf(req), req.method, req.path);
    if (rendered.unexpected) logger.error({ err }, 'request failed before routing');
    res.set(errorHeaders(rendered));
    res.status(rendered.status).json(rendered.body);
  });

  const server = app.getHttpAdapter().getInstance() as express.Express;
  // The printable agreement and certificate load their one behaviour from here (the CSP allows no inline script).
  server.get('/api/documents/print.js', (_req: Request, res: Response) => {
    res.type('application/javascript').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(PRINT_SCRIPT);
  });
  const admin = serveSpa(server, '/admin', appDist(config, 'admin'));
  const portal = serveSpa(server, '/portal', appDist(config, 'portal'));
  server.get('/', (_req: Request, res: Response) => res.redirect(portal ? '/portal/' : admin ? '/admin/' : '/api/docs'));

  app.setGlobalPrefix('api');
  app.useGlobalFilters(new AllExceptionsFilter(logger));

  const openApi = new DocumentBuilder()
    .setTitle('Partnerline API')
    .setDescription('Partner relationship management: partners, agreements, deal registrations, certification, rebates.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth('pl_session')
    .build();
  const document = cleanupOpenApiDoc(SwaggerModule.createDocument(app, openApi));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  // Transactions name no isolation level when the connections default to READ COMMITTED (one statement fewer each).
  if (!(await checkDefaultIsolation(app.get(DataSource)))) logger.warn('the database default isolation is not READ COMMITTED: every transaction names it');

  app.enableShutdownHooks();
  return app;
}
