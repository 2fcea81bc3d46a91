import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { JobListSchema, JobRunListSchema, JobRunQuerySchema, JobRunSchema, RunJobSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { OperationsService } from './operations.service';

class JobListDto extends createZodDto(JobListSchema) {}
class JobRunListDto extends createZodDto(JobRunListSchema) {}
class JobRunQueryDto extends createZodDto(JobRunQuerySchema) {}
class JobRunDto extends createZodDto(JobRunSchema) {}
class RunJobDto extends createZodDto(RunJobSchema) {}

@ApiTags('operations')
@Controller('operations')
export class OperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Get('jobs')
  @Roles('vendor_admin', 'leadership')
  @ZodResponse({ type: JobListDto })
  jobs() {
    return this.operations.jobs();
  }

  @Get('job-runs')
  @Roles('vendor_admin', 'leadership')
  @ZodResponse({ type: JobRunListDto })
  async runs(@Query() query: JobRunQueryDto) {
    return { items: await this.operations.runsOf(query) };
  }

  @Post('jobs/:kind/run')
  @Roles('vendor_admin')
  @ZodResponse({ status: 202, type: JobRunDto })
  runNow(@Param('kind') kind: string, @Body() body: RunJobDto, @CurrentUser() user: AuthenticatedUser) {
    return this.operations.runNow(kind, body.key, user);
  }
}
