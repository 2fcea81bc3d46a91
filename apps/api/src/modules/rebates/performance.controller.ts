import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AgreementPerformanceSchema, PerformanceOverviewPageSchema, PerformanceOverviewQuerySchema, PerformanceQuerySchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser, VendorRoles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import { IdParamDto } from '../../common/http/params';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { PerformanceService } from './performance.service';

class PerformanceQueryDto extends createZodDto(PerformanceQuerySchema) {}
class PerformanceDto extends createZodDto(AgreementPerformanceSchema) {}
class OverviewQueryDto extends createZodDto(PerformanceOverviewQuerySchema) {}
class OverviewDto extends createZodDto(PerformanceOverviewPageSchema) {}

@ApiTags('rebates')
@Controller()
export class PerformanceController {
  constructor(private readonly performance: PerformanceService) {}

  /** One evaluation period of an agreement (default: the one holding today). Partners: their own agreements only. */
  @Get('agreements/:id/performance')
  @AnyRole()
  @ZodResponse({ type: PerformanceDto })
  get(@Param() { id }: IdParamDto, @Query() q: PerformanceQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.performance.performance(id, scopeOf(user), businessToday(), q.period);
  }

  /** Every active agreement's current period, with the watch list (close to the next tier / at risk). */
  @Get('rebates/performance')
  @VendorRoles()
  @ZodResponse({ type: OverviewDto })
  overview(@Query() q: OverviewQueryDto) {
    return this.performance.overview(q, businessToday());
  }
}
