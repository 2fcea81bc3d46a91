import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsoDateSchema, QuotaListSchema, QuotaSchema, SetQuotaSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { AnyRole, CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import { IdParamDto } from '../../common/http/params';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { QuotasService } from './quotas.service';

class PeriodParamDto extends createZodDto(z.object({ id: z.uuid(), periodStart: IsoDateSchema })) {}
class SetQuotaDto extends createZodDto(SetQuotaSchema) {}
class QuotaDto extends createZodDto(QuotaSchema) {}
class QuotaListDto extends createZodDto(QuotaListSchema) {}

@ApiTags('rebates')
@Controller()
export class QuotasController {
  constructor(private readonly quotas: QuotasService) {}

  @Get('agreements/:id/quotas')
  @AnyRole()
  @ZodResponse({ type: QuotaListDto })
  list(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.quotas.list(id, scopeOf(user), businessToday());
  }

  /** Sets a period's quota: until the period starts, or later as an amendment with a reason. */
  @Put('agreements/:id/quotas/:periodStart')
  @Roles('vendor_admin', 'channel_manager')
  @ZodResponse({ type: QuotaDto })
  set(@Param() { id, periodStart }: PeriodParamDto, @Body() body: SetQuotaDto, @CurrentUser() user: AuthenticatedUser) {
    return this.quotas.set(id, periodStart, body, user, businessToday());
  }
}
