import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PoliciesResponseSchema, PoliciesSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser, Roles } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { PoliciesService } from './policies.service';

class PoliciesDto extends createZodDto(PoliciesSchema) {}
class PoliciesResponseDto extends createZodDto(PoliciesResponseSchema) {}

@ApiTags('policies')
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  /** Every role may read the policies: partners see protection periods, pass marks… that apply to them. */
  @Get()
  @AnyRole()
  @ZodResponse({ type: PoliciesResponseDto })
  get() {
    return this.policies.read();
  }

  @Put()
  @Roles('vendor_admin')
  @ZodResponse({ type: PoliciesResponseDto })
  put(@Body() body: PoliciesDto, @CurrentUser() user: AuthenticatedUser) {
    return this.policies.update(body, user.id);
  }
}
