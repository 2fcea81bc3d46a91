import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RegistrationReviewSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentUser, VendorRoles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { IdParamDto } from '../../common/http/params';
import { RegistrationReviewService } from './registration-review.service';

class ReviewDto extends createZodDto(RegistrationReviewSchema) {}

/** The reviewer's desk: everything a decision on a registration needs, in one answer (vendor staff only). */
@ApiTags('deal-registrations')
@Controller('deal-registrations')
export class RegistrationReviewController {
  constructor(private readonly review: RegistrationReviewService) {}

  @Get(':id/review')
  @VendorRoles()
  @ZodResponse({ type: ReviewDto })
  context(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.review.context(id, scopeOf(user));
  }
}
