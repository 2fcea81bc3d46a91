import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IncidentInputSchema, IncidentListSchema, IncidentSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentUser, Roles, VendorRoles } from '../../common/auth/auth.decorators';
import { IdParamDto } from '../../common/http/params';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { IncidentsService } from './incidents.service';

class IncidentInputDto extends createZodDto(IncidentInputSchema) {}
class IncidentDto extends createZodDto(IncidentSchema) {}
class IncidentListDto extends createZodDto(IncidentListSchema) {}

/**
 * A partner's incidents (issue #15). Vendor staff only: leadership reads, admins and channel managers record. Partners
 * see their incidents only as the service evidence of their own renewal review.
 */
@ApiTags('partners')
@Controller('partners/:id/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @VendorRoles()
  @ZodResponse({ type: IncidentListDto })
  list(@Param() { id }: IdParamDto) {
    return this.incidents.list(id);
  }

  /** Records an incident dated today or earlier (business date); audited. */
  @Post()
  @Roles('vendor_admin', 'channel_manager')
  @ZodResponse({ type: IncidentDto, status: 201 })
  record(@Param() { id }: IdParamDto, @Body() body: IncidentInputDto, @CurrentUser() user: AuthenticatedUser) {
    return this.incidents.record(id, body, user, businessToday());
  }
}
