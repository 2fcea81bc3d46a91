import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CompetitionFindingInputSchema,
  OpenRenewalReviewInputSchema,
  RenewalReadinessSchema,
  RenewalReviewDetailSchema,
  RenewalReviewPageSchema,
  RenewalReviewsQuerySchema,
  SelfAssessmentInputSchema,
} from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { IdParamDto } from '../../common/http/params';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { RenewalsService } from './renewals.service';

/** Who opens reviews and records findings; leadership reads only. */
const MANAGERS = ['vendor_admin', 'channel_manager'] as const;

class RenewalReviewsQueryDto extends createZodDto(RenewalReviewsQuerySchema) {}
class RenewalReviewPageDto extends createZodDto(RenewalReviewPageSchema) {}
class RenewalReviewDetailDto extends createZodDto(RenewalReviewDetailSchema) {}
class OpenRenewalReviewDto extends createZodDto(OpenRenewalReviewInputSchema) {}
class SelfAssessmentDto extends createZodDto(SelfAssessmentInputSchema) {}
class CompetitionFindingDto extends createZodDto(CompetitionFindingInputSchema) {}
class RenewalReadinessDto extends createZodDto(RenewalReadinessSchema) {}

@ApiTags('renewals')
@Controller('renewal-reviews')
export class RenewalReviewsController {
  constructor(private readonly renewals: RenewalsService) {}

  /** The board (vendor staff: every partner; partner users: their own organisation's reviews). */
  @Get()
  @AnyRole()
  @ZodResponse({ type: RenewalReviewPageDto })
  list(@Query() q: RenewalReviewsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.renewals.list(q, user);
  }

  /** A channel manager opens the review of an agreement on demand; an existing one → 409 RENEWAL_REVIEW_EXISTS with its id. */
  @Post()
  @Roles(...MANAGERS)
  @HttpCode(201)
  @ZodResponse({ status: 201, type: RenewalReviewDetailDto })
  open(@Body() body: OpenRenewalReviewDto, @CurrentUser() user: AuthenticatedUser) {
    return this.renewals.open(body.agreementId, user);
  }

  @Get(':id')
  @AnyRole()
  @ZodResponse({ type: RenewalReviewDetailDto })
  get(@Param() p: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.renewals.detail(p.id, user);
  }

  /** The partner admin's self-assessment and rating of the vendor, while the review is open. */
  @Post(':id/self-assessment')
  @Roles('partner_admin')
  @HttpCode(200)
  @ZodResponse({ type: RenewalReviewDetailDto })
  selfAssess(@Param() p: IdParamDto, @Body() body: SelfAssessmentDto, @CurrentUser() user: AuthenticatedUser) {
    return this.renewals.selfAssess(p.id, body, user);
  }

  /** The channel manager's competition-avoidance finding with a note, while the review is open. */
  @Post(':id/competition-finding')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ZodResponse({ type: RenewalReviewDetailDto })
  competitionFinding(@Param() p: IdParamDto, @Body() body: CompetitionFindingDto, @CurrentUser() user: AuthenticatedUser) {
    return this.renewals.competitionFinding(p.id, body, user);
  }
}

@ApiTags('renewals')
@Controller('agreements')
export class RenewalReadinessController {
  constructor(private readonly renewals: RenewalsService) {}

  /** The agreement's renewal readiness (its partner's users and vendor staff), shown from readinessWindowDays before the end. */
  @Get(':id/renewal-readiness')
  @AnyRole()
  @ZodResponse({ type: RenewalReadinessDto })
  readiness(@Param() p: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.renewals.readiness(p.id, user);
  }
}
