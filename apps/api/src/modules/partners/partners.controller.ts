import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  AcceptInvitationSchema,
  AssignManagerSchema,
  type Decision,
  DecisionSchema,
  InfoAnswerSchema,
  InviteUserSchema,
  isPartnerRole,
  ApplicationResultSchema,
  ChannelManagerSchema,
  InvitationAcceptedSchema,
  InviteResultSchema,
  ScreeningResultSchema,
  PartnerApplicationSchema,
  type PartnerDetail,
  PartnerDetailSchema,
  PartnerDirectoryPageSchema,
  PartnerDirectoryQuerySchema,
  PartnerUserSchema,
  type ScreeningInput,
  ScreeningInputSchema,
  StatusChangeSchema,
  TrialOutcomeSchema,
} from '@partnerline/domain';
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse, ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { AnyRole, CurrentUser, Public, Roles, VendorRoles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import { businessNow } from '../../common/time';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { IdParamDto } from '../../common/http/params';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-token';
import { ApplicationsService } from './applications.service';
import { PartnerUsersService } from './partner-users.service';
import { PartnersRepository } from './partners.repository';
import { ScreeningService } from './screening.service';

class ApplicationDto extends createZodDto(PartnerApplicationSchema) {}
class ApplicationResultDto extends createZodDto(ApplicationResultSchema) {}
class DirectoryQueryDto extends createZodDto(PartnerDirectoryQuerySchema) {}
class DirectoryPageDto extends createZodDto(PartnerDirectoryPageSchema) {}
class PartnerDetailDto extends createZodDto(PartnerDetailSchema) {}
class AssignDto extends createZodDto(AssignManagerSchema) {}
// Discriminated unions cannot be extended as classes: validate with an explicit pipe, document with ApiBody.
const ScreeningDto = named(createZodDto(ScreeningInputSchema), 'ScreeningDto');
class ScreeningResultDto extends createZodDto(ScreeningResultSchema) {}
const DecisionDto = named(createZodDto(DecisionSchema), 'DecisionDto');
class TrialOutcomeDto extends createZodDto(TrialOutcomeSchema) {}
class StatusChangeDto extends createZodDto(StatusChangeSchema) {}
class InviteDto extends createZodDto(InviteUserSchema) {}
class InviteResultDto extends createZodDto(InviteResultSchema) {}
class AnswerDto extends createZodDto(InfoAnswerSchema) {}
class AcceptInvitationDto extends createZodDto(AcceptInvitationSchema) {}
class UserParamsDto extends createZodDto(z.object({ id: z.uuid(), userId: z.uuid() })) {}
class RequestParamsDto extends createZodDto(z.object({ id: z.uuid(), requestId: z.uuid() })) {}
class PartnerUserDto extends createZodDto(PartnerUserSchema) {}
class AcceptedDto extends createZodDto(InvitationAcceptedSchema) {}
class ChannelManagerDto extends createZodDto(ChannelManagerSchema) {}
class PartnerUserDisabledDto extends createZodDto(z.object({ disabled: z.boolean() })) {}

/** OpenAPI names schemas after the class; give the union DTOs a stable name of their own. */
function named<T extends object>(dto: T, name: string): T {
  Object.defineProperty(dto, 'name', { value: name });
  return dto;
}

const SCREENERS = ['vendor_admin', 'channel_manager'] as const;

/** What a partner may see of its own record: not the vendor's scorecards, internal notes or segment strategy. */
function forPartner(d: PartnerDetail): PartnerDetail {
  return {
    ...d,
    screenings: [],
    decisions: d.decisions.filter((x) => x.decision === 'reject'),
    segments: d.segments.map((s) => ({ ...s, strategy: null, fitWarning: null })),
    allowedDecisions: [],
    allowedStatusChanges: [],
  };
}

@ApiTags('partners')
@Controller()
export class PartnersController {
  constructor(
    private readonly repo: PartnersRepository,
    private readonly applications: ApplicationsService,
    private readonly screening: ScreeningService,
    private readonly users: PartnerUsersService,
    private readonly auth: AuthService,
  ) {}

  /** Public: apply to become a partner. Creates the applicant's account and signs it in. */
  @Post('partner-applications')
  @Public()
  @ZodResponse({ type: ApplicationResultDto, status: 201 })
  async apply(@Body() body: ApplicationDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const created = await this.applications.apply(body, req.ip ?? null);
    const login = await this.auth.login(
      { email: body.account.email, password: body.account.password },
      { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null },
    );
    res.cookie(SESSION_COOKIE, login.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      expires: new Date(login.expiresAt),
    });
    return { ...login, ...created };
  }

  /** The partner directory (vendor staff); a partner caller sees only its own organisation. `format=csv` exports. */
  @Get('partners')
  @AnyRole()
  @ZodResponse({ type: DirectoryPageDto })
  async list(@Query() query: DirectoryQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    const { format, ...q } = query;
    if (format === 'csv') {
      const all = await this.repo.directory({ ...q, page: 1, pageSize: 10_000 }, scopeOf(user));
      const csv = stringify(
        all.items.map((p) => [
          p.name,
          p.nameEn ?? '',
          p.type,
          p.status,
          p.stage,
          p.taxId,
          p.domain ?? '',
          p.city ?? '',
          p.managerName ?? '',
          p.appliedAt.slice(0, 10),
          p.latestScore ?? '',
        ]),
        {
          header: true,
          columns: [
            'name',
            'name_en',
            'type',
            'status',
            'stage',
            'tax_id',
            'domain',
            'city',
            'channel_manager',
            'applied_on',
            'latest_score',
          ],
        },
      );
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="partners.csv"');
      // A BOM so spreadsheet programs read the Chinese names as UTF-8.
      res.send(`\uFEFF${csv}`);
      return undefined as never;
    }
    return { ...(await this.repo.directory(q, scopeOf(user))), page: q.page, pageSize: q.pageSize };
  }

  @Get('partners/:id')
  @AnyRole()
  @ZodResponse({ type: PartnerDetailDto })
  async get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    const detail = await this.repo.detail(id, scopeOf(user), businessNow());
    if (!detail) throw AppError.notFound('partner', id);
    return isPartnerRole(user.role) ? forPartner(detail) : detail;
  }

  @Post('partners/:id/assign')
  @Roles(...SCREENERS)
  @HttpCode(204)
  assign(@Param() { id }: IdParamDto, @Body() body: AssignDto, @CurrentUser() user: AuthenticatedUser) {
    return this.screening.assign(id, body.managerId, user);
  }

  @Post('partners/:id/screenings')
  @Roles(...SCREENERS)
  @ZodResponse({ type: ScreeningResultDto, status: 201 })
  @ApiBody({ type: ScreeningDto })
  score(
    @Param() { id }: IdParamDto,
    @Body(new ZodValidationPipe(ScreeningInputSchema)) body: ScreeningInput,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.screening.score(id, body, user);
  }

  @Post('partners/:id/decisions')
  @Roles(...SCREENERS)
  @HttpCode(204)
  @ApiBody({ type: DecisionDto })
  decide(@Param() { id }: IdParamDto, @Body(new ZodValidationPipe(DecisionSchema)) body: Decision, @CurrentUser() user: AuthenticatedUser) {
    return this.screening.decide(id, body, user);
  }

  @Post('partners/:id/trial-outcome')
  @Roles(...SCREENERS)
  @HttpCode(204)
  trialOutcome(@Param() { id }: IdParamDto, @Body() body: TrialOutcomeDto, @CurrentUser() user: AuthenticatedUser) {
    return this.screening.trialOutcome(id, body, user);
  }

  @Post('partners/:id/status')
  @Roles(...SCREENERS)
  @HttpCode(204)
  status(@Param() { id }: IdParamDto, @Body() body: StatusChangeDto, @CurrentUser() user: AuthenticatedUser) {
    return this.screening.changeStatus(id, body, user);
  }

  /** The applicant answers a question from its channel manager. */
  @Post('partners/:id/info-requests/:requestId/answer')
  @Roles('partner_admin')
  @HttpCode(204)
  answer(@Param() { id, requestId }: RequestParamsDto, @Body() body: AnswerDto, @CurrentUser() user: AuthenticatedUser) {
    this.ownOrganisation(id, user);
    return this.screening.answerInfo(id, requestId, body.answer, user);
  }

  @Get('partners/:id/users')
  @AnyRole()
  @ZodResponse({ type: [PartnerUserDto] })
  async listUsers(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    const detail = await this.repo.detail(id, scopeOf(user), businessNow());
    if (!detail) throw AppError.notFound('partner', id);
    return detail.users;
  }

  @Post('partners/:id/users')
  @Roles('partner_admin', 'vendor_admin')
  @ZodResponse({ type: InviteResultDto, status: 201 })
  invite(@Param() { id }: IdParamDto, @Body() body: InviteDto, @CurrentUser() user: AuthenticatedUser) {
    this.ownOrganisation(id, user);
    return this.users.invite(id, body, user);
  }

  @Post('partners/:id/users/:userId/disable')
  @Roles('partner_admin', 'vendor_admin')
  @HttpCode(204)
  disableUser(@Param() { id, userId }: UserParamsDto, @Body() body: PartnerUserDisabledDto, @CurrentUser() user: AuthenticatedUser) {
    this.ownOrganisation(id, user);
    return this.users.setDisabled(id, userId, body.disabled, user);
  }

  /** Public: an invited user sets a password through the emailed link. */
  @Post('invitations/accept')
  @Public()
  @HttpCode(200)
  @ZodResponse({ type: AcceptedDto })
  accept(@Body() body: AcceptInvitationDto, @Req() req: Request) {
    return this.users.acceptInvitation(body.token, body.password, req.ip ?? null);
  }

  /** Channel managers (for the assignment picker); any vendor role may list them. */
  @Get('channel-managers')
  @VendorRoles()
  @ZodResponse({ type: [ChannelManagerDto] })
  async managers() {
    return this.repo.channelManagers();
  }

  private ownOrganisation(partnerId: string, user: AuthenticatedUser) {
    const scope = scopeOf(user);
    if (scope.kind === 'partner' && scope.partnerId !== partnerId) throw AppError.notFound('partner', partnerId);
  }
}
