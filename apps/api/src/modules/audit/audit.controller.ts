import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEntrySchema, AuditQuerySchema, pageOf } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '../../common/auth/auth.decorators';
import { AuditReadRepository } from './audit-read.repository';

class AuditQueryDto extends createZodDto(AuditQuerySchema) {}
class AuditPageDto extends createZodDto(pageOf(AuditEntrySchema).extend({ totalIsEstimate: z.boolean().optional() })) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditReadRepository) {}

  @Get()
  @Roles('vendor_admin', 'leadership')
  @ZodResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQueryDto) {
    const page = await this.audit.list(query);
    return { ...page, page: query.page, pageSize: query.pageSize };
  }
}
