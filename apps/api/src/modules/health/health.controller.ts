import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthSchema } from '@partnerline/domain';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../../common/auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { HealthRepository } from './health.repository';

class HealthDto extends createZodDto(HealthSchema) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly repo: HealthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 200 when the database answers, 503 otherwise (load balancers and probes read the status). */
  @Get()
  @Public()
  @ZodResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) res: Response) {
    const started = performance.now();
    let ok = true;
    try {
      await this.repo.ping();
    } catch {
      ok = false;
    }
    if (!ok) res.status(503);
    return {
      status: ok ? ('ok' as const) : ('degraded' as const),
      database: {
        ok,
        kind: this.config.embeddedDatabase ? ('embedded' as const) : ('server' as const),
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
      },
      version: process.env.npm_package_version ?? '0.1.0',
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
