import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { pageOf, PartnerStatusSchema, PartnerSummarySchema, PartnerTypeSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { AnyRole, CurrentUser } from '../../common/auth/auth.decorators';
import { tenantOf } from '../../common/auth/tenant-scope';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { IdParamDto } from '../../common/http/params';
import { PartnersRepository } from './partners.repository';

class PartnerQueryDto extends createZodDto(
  z.object({
    type: PartnerTypeSchema.optional(),
    status: PartnerStatusSchema.optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  }),
) {}
class PartnerPageDto extends createZodDto(pageOf(PartnerSummarySchema)) {}
class PartnerDto extends createZodDto(PartnerSummarySchema) {}

@ApiTags('partners')
@Controller('partners')
export class PartnersController {
  constructor(private readonly repo: PartnersRepository) {}

  /** Vendor staff see every partner; a partner user sees only its own organisation. */
  @Get()
  @AnyRole()
  @ZodResponse({ type: PartnerPageDto })
  async list(@Query() query: PartnerQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return { ...(await this.repo.list(query, tenantOf(user))), page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @AnyRole()
  @ZodResponse({ type: PartnerDto })
  async get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    const partner = await this.repo.get(id, tenantOf(user));
    if (!partner) throw AppError.notFound('partner', id);
    return partner;
  }
}
