import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminHomeCountsSchema, PortalHomeCountsSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentUser, PartnerRoles, VendorRoles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { ReportingService } from './reporting.service';

class AdminHomeCountsDto extends createZodDto(AdminHomeCountsSchema) {}
class PortalHomeCountsDto extends createZodDto(PortalHomeCountsSchema) {}

@ApiTags('reporting')
@Controller('reporting')
export class ReportingController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('home')
  @VendorRoles()
  @ZodResponse({ type: AdminHomeCountsDto })
  home(@CurrentUser() user: AuthenticatedUser) {
    return this.reporting.adminHome(scopeOf(user));
  }

  @Get('portal-home')
  @PartnerRoles()
  @ZodResponse({ type: PortalHomeCountsDto })
  portalHome(@CurrentUser() user: AuthenticatedUser) {
    return this.reporting.portalHome(user, user.partnerId as string);
  }
}
