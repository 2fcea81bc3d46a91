import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ProbationCheckInputSchema,
  type RenewalDecisionInput,
  RenewalDecisionInputSchema,
  RenewalReviewDetailSchema,
} from '@partnerline/domain';
import { createZodDto, ZodResponse, ZodValidationPipe } from 'nestjs-zod';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { IdParamDto } from '../../common/http/params';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { RenewalDecisionsService } from './renewal-decisions.service';

class ProbationCheckDto extends createZodDto(ProbationCheckInputSchema) {}
class RenewalReviewDetailDto extends createZodDto(RenewalReviewDetailSchema) {}

/** The channel manager's decision on a renewal review and the probation check (vendor admins and channel managers only). */
@ApiTags('renewals')
@Controller('renewal-reviews')
export class RenewalDecisionsController {
  constructor(private readonly decisions: RenewalDecisionsService) {}

  /** Renew, renew on probation or terminate an open review, once; answers the decided review (one body shape per outcome). */
  @Post(':id/decision')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(200)
  @ZodResponse({ type: RenewalReviewDetailDto })
  decide(
    @Param() p: IdParamDto,
    @Body(new ZodValidationPipe(RenewalDecisionInputSchema)) body: RenewalDecisionInput,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.decisions.decide(p.id, body, user);
  }

  /** On or after the check date: each probation condition met or not. */
  @Post(':id/probation-check')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(200)
  @ZodResponse({ type: RenewalReviewDetailDto })
  probationCheck(@Param() p: IdParamDto, @Body() body: ProbationCheckDto, @CurrentUser() user: AuthenticatedUser) {
    return this.decisions.probationCheck(p.id, body, user);
  }
}
