import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { WhatIfQuerySchema, WhatIfSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { PerformanceService } from './performance.service';

class WhatIfQueryDto extends createZodDto(WhatIfQuerySchema) {}
class WhatIfDto extends createZodDto(WhatIfSchema) {}

@ApiTags('rebates')
@Controller()
export class WhatIfController {
  constructor(private readonly performance: PerformanceService) {}

  /** What one more deal of `amount` would earn in the agreement's current period. Partners: their own agreements only. */
  @Get('rebates/what-if')
  @AnyRole()
  @ZodResponse({ type: WhatIfDto })
  whatIf(@Query() q: WhatIfQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.performance.whatIf(q.agreementId, scopeOf(user), businessToday(), q.amount);
  }
}
