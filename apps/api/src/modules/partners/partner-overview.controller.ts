import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PartnerOverviewSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentUser, VendorRoles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { IdParamDto } from '../../common/http/params';
import { PartnerOverviewService } from './partner-overview.service';

class PartnerOverviewDto extends createZodDto(PartnerOverviewSchema) {}

@ApiTags('partners')
@Controller('partners')
export class PartnerOverviewController {
  constructor(private readonly overview: PartnerOverviewService) {}

  /** The partner 360 (vendor staff only). */
  @Get(':id/overview')
  @VendorRoles()
  @ZodResponse({ type: PartnerOverviewDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.overview.overview(id, scopeOf(user));
  }
}
