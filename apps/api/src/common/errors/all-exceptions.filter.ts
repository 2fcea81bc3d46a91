import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { localeOf, requestIdOf } from '../http/request-locale';
import { errorHeaders, renderError } from './error-body';

/** The one place where thrown errors become HTTP responses. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const rendered = renderError(exception, localeOf(req), requestIdOf(req), req.method, req.originalUrl?.split('?')[0]);
    if (rendered.unexpected) {
      this.logger.error({ err: exception, requestId: rendered.body.requestId, path: req.originalUrl }, 'unhandled error');
    }
    if (res.headersSent) return;
    res.set(errorHeaders(rendered));
    res.status(rendered.status).json(rendered.body);
  }
}
