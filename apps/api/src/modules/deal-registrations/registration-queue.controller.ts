import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BulkApproveResultSchema,
  BulkApproveSchema,
  RegistrationQueueCountsSchema,
  RegistrationQueuePageSchema,
  RegistrationQueueQuerySchema,
} from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { RegistrationQueueService } from './registration-queue.service';

class QueueQueryDto extends createZodDto(RegistrationQueueQuerySchema) {}
class QueuePageDto extends createZodDto(RegistrationQueuePageSchema) {}
class QueueCountsDto extends createZodDto(RegistrationQueueCountsSchema) {}
class BulkApproveDto extends createZodDto(BulkApproveSchema) {}
class BulkApproveResultDto extends createZodDto(BulkApproveResultSchema) {}

/**
 * The registration list: vendor staff see the review queue (search, filters, sorting, counts per tab, bulk approval),
 * a partner its own registrations. Registered before DealRegistrationsController so `counts` and `bulk-approve` are not
 * taken for an id.
 */
@ApiTags('deal-registrations')
@Controller('deal-registrations')
export class RegistrationQueueController {
  constructor(private readonly queue: RegistrationQueueService) {}

  @Get()
  @AnyRole()
  @ZodResponse({ type: QueuePageDto })
  list(@Query() q: QueueQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.queue.list(q, scopeOf(user));
  }

  @Get('counts')
  @AnyRole()
  @ZodResponse({ type: QueueCountsDto })
  counts(@Query() q: QueueQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.queue.counts(q, scopeOf(user));
  }

  @Post('bulk-approve')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(200)
  @ZodResponse({ type: BulkApproveResultDto })
  bulkApprove(@Body() body: BulkApproveDto, @CurrentUser() user: AuthenticatedUser) {
    return this.queue.bulkApprove(body.ids, user, body.comment);
  }
}
