import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RegistrationInputSchema, RegistrationStatusSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { AnyRole, CurrentUser, PartnerRoles, Roles } from '../../common/auth/auth.decorators';
import { tenantOf } from '../../common/auth/tenant-scope';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { IdParamDto } from '../../common/http/params';
import { DealRegistrationsService } from './deal-registrations.service';

class InputDto extends createZodDto(RegistrationInputSchema) {}
class CreatedDto extends createZodDto(z.object({ id: z.uuid() })) {}
class SubmittedDto extends createZodDto(z.object({ status: RegistrationStatusSchema, conflicts: z.array(z.enum(['duplicate_customer', 'exclusive_territory', 'direct_sales'])) })) {}
class RegistrationDto extends createZodDto(
  z.object({
    id: z.uuid(),
    partnerId: z.uuid(),
    status: RegistrationStatusSchema,
    customerName: z.string(),
    estimatedAmount: z.string(),
    slaDue: z.string().nullable(),
    protectionEnds: z.string().nullable(),
    details: RegistrationInputSchema,
    history: z.array(z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), note: z.string().nullable(), occurredAt: z.string() })),
    conflicts: z.array(z.object({ id: z.uuid(), kind: z.enum(['duplicate_customer', 'exclusive_territory', 'direct_sales']), status: z.enum(['open', 'resolved']) })),
  }),
) {}
class RejectDto extends createZodDto(z.object({ reason: z.string().trim().min(1).max(2000) })) {}

/** Deal registration (work in progress for issue #5: register, submit with conflict detection, review). */
@ApiTags('deal-registrations')
@Controller('deal-registrations')
export class DealRegistrationsController {
  constructor(private readonly registrations: DealRegistrationsService) {}

  @Post()
  @PartnerRoles()
  @ZodResponse({ type: CreatedDto, status: 201 })
  async create(@Body() body: InputDto, @CurrentUser() user: AuthenticatedUser) {
    if (!user.partnerId) throw new AppError('FORBIDDEN', { role: user.role });
    return { id: await this.registrations.create(user.partnerId, body, user) };
  }

  @Get(':id')
  @AnyRole()
  @ZodResponse({ type: RegistrationDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.get(id, tenantOf(user));
  }

  @Post(':id/submit')
  @PartnerRoles()
  @HttpCode(200)
  @ZodResponse({ type: SubmittedDto })
  submit(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.submit(id, tenantOf(user), user);
  }

  @Post(':id/approve')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(204)
  approve(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.approve(id, user);
  }

  @Post(':id/reject')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(204)
  reject(@Param() { id }: IdParamDto, @Body() body: RejectDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.reject(id, body.reason, user);
  }
}
