import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CertificationPageSchema,
  CertificationPathInputSchema,
  CertificationQueueQuerySchema,
  CertificationPathSchema,
  CertificationSchema,
  CertificationVerificationSchema,
  CourseDetailSchema,
  CourseInputSchema,
  CoursePatchSchema,
  CourseStatusSchema,
  CourseSummarySchema,
  CourseTrackSchema,
  EnrolmentListItemSchema,
  EnrolmentViewSchema,
  EnrolSchema,
  JobRoleSchema,
  LearnerQuizSchema,
  QualificationReviewInputSchema,
  QualificationReviewPageSchema,
  QualificationReviewSchema,
  QualificationSchema,
  QuizAttemptInputSchema,
  QuizResultSchema,
  ReviewQueueQuerySchema,
  RevokeCertificationSchema,
  ScheduleReviewSchema,
  SupportAssignSchema,
  SupportCloseSchema,
  SupportFundsDecisionSchema,
  SupportListQuerySchema,
  SupportMessageInputSchema,
  SupportRequestInputSchema,
  SupportRequestPageSchema,
  SupportRequestSchema,
  SupportThreadSchema,
  CreatedSchema,
  SupportAssigneeSchema,
} from '@partnerline/domain';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { AnyRole, CurrentUser, PartnerRoles, Public, Roles } from '../../common/auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { localeOf } from '../../common/http/request-locale';
import { IdParamDto } from '../../common/http/params';
import { renderCertificate } from './certificate-document';
import { CertificationsService } from './certifications.service';
import { CoursesService } from './courses.service';
import { QualificationService } from './qualification.service';
import { SupportService } from './support.service';

const MANAGERS = ['vendor_admin', 'channel_manager'] as const;

/** One page when the caller asked for one (the admin queues), else the plain list (the portal's small lists). */
function listOrPage<T>(q: { page?: number; pageSize?: number }, r: { items: T[]; total: number }) {
  return q.page ? { items: r.items, total: r.total, page: q.page, pageSize: q.pageSize ?? 25 } : r.items;
}

class TrainingCreatedDto extends createZodDto(CreatedSchema) {}
class CourseInputDto extends createZodDto(CourseInputSchema) {}
class CoursePatchDto extends createZodDto(CoursePatchSchema) {}
class CourseListQueryDto extends createZodDto(
  z.object({
    track: CourseTrackSchema.optional(),
    jobRole: JobRoleSchema.optional(),
    productLineId: z.uuid().optional(),
    status: CourseStatusSchema.optional(),
    q: z.string().trim().max(100).optional(),
  }),
) {}
class CourseSummaryDto extends createZodDto(CourseSummarySchema) {}
class CourseDetailDto extends createZodDto(CourseDetailSchema) {}
class EnrolDto extends createZodDto(EnrolSchema) {}
class EnrolmentDto extends createZodDto(EnrolmentViewSchema) {}
class EnrolmentListQueryDto extends createZodDto(z.object({ partnerId: z.uuid().optional(), userId: z.uuid().optional() })) {}
class EnrolmentListItemDto extends createZodDto(EnrolmentListItemSchema) {}
class ModuleParamsDto extends createZodDto(z.object({ id: z.uuid(), moduleId: z.uuid() })) {}
class QuizDto extends createZodDto(LearnerQuizSchema) {}
class QuizAttemptDto extends createZodDto(QuizAttemptInputSchema) {}
class QuizResultDto extends createZodDto(QuizResultSchema) {}
class ResetDto extends createZodDto(z.object({ reason: z.string().trim().min(1).max(2000) })) {}
class PathInputDto extends createZodDto(CertificationPathInputSchema) {}
class PathDto extends createZodDto(CertificationPathSchema) {}
class CertificationDto extends createZodDto(CertificationSchema) {}
class CertificationQueryDto extends createZodDto(CertificationQueueQuerySchema) {}
/** A list answers the whole (capped) list, or one page `{ items, total, page, pageSize }` when `page` is asked for. */
const CertificationListSchema = z.union([z.array(CertificationSchema), CertificationPageSchema]);
class VerificationDto extends createZodDto(CertificationVerificationSchema) {}
class CodeParamDto extends createZodDto(z.object({ code: z.string().trim().min(4).max(40) })) {}
class RevokeDto extends createZodDto(RevokeCertificationSchema) {}
class QualificationDto extends createZodDto(QualificationSchema) {}
class PartnerQueryDto extends createZodDto(z.object({ partnerId: z.uuid() })) {}
class ReviewDto extends createZodDto(QualificationReviewSchema) {}
class ReviewQueryDto extends createZodDto(ReviewQueueQuerySchema) {}
const ReviewListSchema = z.union([z.array(QualificationReviewSchema), QualificationReviewPageSchema]);
class ScheduleDto extends createZodDto(ScheduleReviewSchema) {}
class ReviewInputDto extends createZodDto(QualificationReviewInputSchema) {}
class SupportInputDto extends createZodDto(SupportRequestInputSchema) {}
class SupportThreadDto extends createZodDto(SupportThreadSchema) {}
class SupportQueryDto extends createZodDto(SupportListQuerySchema) {}
const SupportListSchema = z.union([z.array(SupportRequestSchema), SupportRequestPageSchema]);
class MessageDto extends createZodDto(SupportMessageInputSchema) {}
class SupportAssignDto extends createZodDto(SupportAssignSchema) {}
class FundsDto extends createZodDto(SupportFundsDecisionSchema) {}
class AssigneeDto extends createZodDto(SupportAssigneeSchema) {}
class CloseDto extends createZodDto(SupportCloseSchema) {}

/** Course catalogue, enrolments and quizzes (DOMAIN §6). */
@ApiTags('training')
@Controller()
export class TrainingController {
  constructor(private readonly courses: CoursesService) {}

  @Get('courses')
  @AnyRole()
  @ZodResponse({ type: [CourseSummaryDto] })
  list(@Query() q: CourseListQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.courses.list(q, user);
  }

  @Post('courses')
  @Roles(...MANAGERS)
  @ZodResponse({ type: TrainingCreatedDto, status: 201 })
  async create(@Body() body: CourseInputDto, @CurrentUser() user: AuthenticatedUser) {
    return { id: await this.courses.create(body, user) };
  }

  @Get('courses/:id')
  @AnyRole()
  @ZodResponse({ type: CourseDetailDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.courses.detail(id, user);
  }

  @Patch('courses/:id')
  @Roles(...MANAGERS)
  @ZodResponse({ type: CourseDetailDto })
  async update(@Param() { id }: IdParamDto, @Body() body: CoursePatchDto, @CurrentUser() user: AuthenticatedUser) {
    await this.courses.update(id, body, user);
    return this.courses.detail(id, user);
  }

  /** Enrol yourself; a partner admin may enrol a team member (`userId`). */
  @Post('courses/:id/enrolments')
  @PartnerRoles()
  @ZodResponse({ type: EnrolmentDto, status: 201 })
  enrol(@Param() { id }: IdParamDto, @Body() body: EnrolDto, @CurrentUser() user: AuthenticatedUser) {
    return this.courses.enrol(id, body.userId, user);
  }

  @Get('enrolments')
  @AnyRole()
  @ZodResponse({ type: [EnrolmentListItemDto] })
  enrolments(@Query() q: EnrolmentListQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.courses.enrolments(q, user);
  }

  @Post('enrolments/:id/modules/:moduleId/complete')
  @PartnerRoles()
  @HttpCode(200)
  @ZodResponse({ type: EnrolmentDto })
  completeModule(@Param() { id, moduleId }: ModuleParamsDto, @CurrentUser() user: AuthenticatedUser) {
    return this.courses.completeModule(id, moduleId, user);
  }

  /** The next attempt's questions, shuffled, without the answer key. */
  @Get('enrolments/:id/quiz')
  @PartnerRoles()
  @ZodResponse({ type: QuizDto })
  quiz(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.courses.quiz(id, user);
  }

  @Post('enrolments/:id/quiz-attempts')
  @PartnerRoles()
  @ZodResponse({ type: QuizResultDto, status: 201 })
  attempt(@Param() { id }: IdParamDto, @Body() body: QuizAttemptDto, @CurrentUser() user: AuthenticatedUser) {
    return this.courses.attempt(id, body, user);
  }

  @Post('enrolments/:id/reset-attempts')
  @Roles(...MANAGERS)
  @HttpCode(204)
  reset(@Param() { id }: IdParamDto, @Body() body: ResetDto, @CurrentUser() user: AuthenticatedUser) {
    return this.courses.resetAttempts(id, body.reason, user);
  }
}

/** Certification paths, certificates, public verification. */
@ApiTags('certifications')
@Controller()
export class CertificationsController {
  constructor(
    private readonly certifications: CertificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('certification-paths')
  @AnyRole()
  @ZodResponse({ type: [PathDto] })
  paths() {
    return this.certifications.paths();
  }

  @Post('certification-paths')
  @Roles(...MANAGERS)
  @ZodResponse({ type: TrainingCreatedDto, status: 201 })
  async createPath(@Body() body: PathInputDto) {
    return { id: await this.certifications.createPath(body) };
  }

  @Patch('certification-paths/:id')
  @Roles(...MANAGERS)
  @HttpCode(204)
  updatePath(@Param() { id }: IdParamDto, @Body() body: PathInputDto) {
    return this.certifications.updatePath(id, body);
  }

  /** Vendor staff: all; partner admin: the team's; partner user: their own. */
  @Get('certifications')
  @AnyRole()
  @ApiOkResponse({ description: 'Certification[], or { items, total, page, pageSize } with ?page=' })
  async list(@Query() q: CertificationQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return CertificationListSchema.parse(listOrPage(q, await this.certifications.list(q, user)));
  }

  /** Public, no login: holder, certification, validity — nothing more. */
  @Get('certifications/verify/:code')
  @Public()
  @ZodResponse({ type: VerificationDto })
  verify(@Param() { code }: CodeParamDto) {
    return this.certifications.verify(code);
  }

  @Get('certifications/:id')
  @AnyRole()
  @ZodResponse({ type: CertificationDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.certifications.get(id, user);
  }

  /** A printable certificate (HTML) in the caller's language (`?lang=zh-CN|en`). */
  @Get('certifications/:id/document')
  @AnyRole()
  async document(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res() res: Response) {
    const c = await this.certifications.get(id, user);
    const base = this.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`;
    res.type('html').send(renderCertificate(c, localeOf(req), `${base}/portal/verify/${c.code}`));
  }

  @Post('certifications/:id/revoke')
  @Roles(...MANAGERS)
  @HttpCode(204)
  revoke(@Param() { id }: IdParamDto, @Body() body: RevokeDto, @CurrentUser() user: AuthenticatedUser) {
    return this.certifications.revoke(id, body.reason, user);
  }
}

/** Qualification against agreement requirements, and periodic qualification reviews. */
@ApiTags('qualification')
@Controller()
export class QualificationController {
  constructor(private readonly qualification: QualificationService) {}

  @Get('agreements/:id/qualification')
  @AnyRole()
  @ZodResponse({ type: QualificationDto })
  forAgreement(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.qualification.forAgreement(id, user);
  }

  /** Every active agreement of a partner with its qualification status. */
  @Get('qualification')
  @AnyRole()
  @ZodResponse({ type: [QualificationDto] })
  forPartner(@Query() q: PartnerQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.qualification.forPartner(q.partnerId, user);
  }

  @Get('qualification-reviews')
  @AnyRole()
  @ApiOkResponse({ description: 'QualificationReview[], or { items, total, page, pageSize } with ?page=' })
  async list(@Query() q: ReviewQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return ReviewListSchema.parse(listOrPage(q, await this.qualification.listReviews(q, user)));
  }

  @Post('qualification-reviews')
  @Roles(...MANAGERS)
  @ZodResponse({ type: TrainingCreatedDto, status: 201 })
  async schedule(@Body() body: ScheduleDto) {
    return { id: await this.qualification.schedule(body.partnerId, body.dueOn) };
  }

  @Get('qualification-reviews/:id')
  @AnyRole()
  @ZodResponse({ type: ReviewDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.qualification.getReview(id, user);
  }

  @Post('qualification-reviews/:id/complete')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ZodResponse({ type: ReviewDto })
  complete(@Param() { id }: IdParamDto, @Body() body: ReviewInputDto, @CurrentUser() user: AuthenticatedUser) {
    return this.qualification.complete(id, body, user);
  }
}

/** Support requests: partners ask, channel managers answer, assign, approve funds, close. */
@ApiTags('support-requests')
@Controller('support-requests')
export class SupportController {
  constructor(private readonly support: SupportService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ description: 'SupportRequest[], or { items, total, page, pageSize } with ?page=' })
  async list(@Query() q: SupportQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return SupportListSchema.parse(listOrPage(q, await this.support.list(q, user)));
  }

  @Post()
  @PartnerRoles()
  @ZodResponse({ type: TrainingCreatedDto, status: 201 })
  async create(@Body() body: SupportInputDto, @CurrentUser() user: AuthenticatedUser) {
    return { id: await this.support.create(body, user) };
  }

  /** Who a request can be assigned to: active channel managers and vendor admins. */
  @Get('assignees')
  @Roles(...MANAGERS)
  @ZodResponse({ type: [AssigneeDto] })
  assignees() {
    return this.support.assignees();
  }

  @Get(':id')
  @AnyRole()
  @ZodResponse({ type: SupportThreadDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.support.get(id, user);
  }

  @Post(':id/messages')
  @Roles('vendor_admin', 'channel_manager', 'partner_admin', 'partner_user')
  @HttpCode(204)
  reply(@Param() { id }: IdParamDto, @Body() body: MessageDto, @CurrentUser() user: AuthenticatedUser) {
    return this.support.reply(id, body.body, user);
  }

  @Post(':id/assign')
  @Roles(...MANAGERS)
  @HttpCode(204)
  assign(@Param() { id }: IdParamDto, @Body() body: SupportAssignDto, @CurrentUser() user: AuthenticatedUser) {
    return this.support.assign(id, body.assigneeId, user);
  }

  @Post(':id/funds')
  @Roles(...MANAGERS)
  @HttpCode(204)
  funds(@Param() { id }: IdParamDto, @Body() body: FundsDto, @CurrentUser() user: AuthenticatedUser) {
    return this.support.decideFunds(id, body, user);
  }

  @Post(':id/close')
  @Roles('vendor_admin', 'channel_manager', 'partner_admin', 'partner_user')
  @HttpCode(204)
  close(@Param() { id }: IdParamDto, @Body() body: CloseDto, @CurrentUser() user: AuthenticatedUser) {
    return this.support.close(id, body.resolution, user);
  }
}
