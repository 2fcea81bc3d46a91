import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  ApproveRegistrationSchema,
  CreatedSchema,
  EvidenceFileSchema,
  ExtendRegistrationSchema,
  LostRegistrationSchema,
  RegistrationDetailSchema,
  RegistrationExtendedSchema,
  RegistrationInputSchema,
  RegistrationCreatedSchema,
  RegistrationRequirementsSchema,
  RegistrationSubmittedSchema,
  WonRegistrationSchema,
} from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { AnyRole, CurrentUser, PartnerRoles, Roles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { IdParamDto } from '../../common/http/params';
import { DealRegistrationsService } from './deal-registrations.service';
import { EVIDENCE_MAX_BYTES } from './evidence-files';

class InputDto extends createZodDto(RegistrationInputSchema) {}
class CreatedDto extends createZodDto(CreatedSchema) {}
class SubmittedDto extends createZodDto(RegistrationSubmittedSchema) {}
class RegistrationCreatedDto extends createZodDto(RegistrationCreatedSchema) {}
class RequirementsDto extends createZodDto(RegistrationRequirementsSchema) {}
class RequirementsQueryDto extends createZodDto(z.object({ industryId: z.string().uuid(), regionId: z.string().uuid() })) {}
class CreateQueryDto extends createZodDto(z.object({ submit: z.enum(['true', 'false']).optional() })) {}
class RegistrationDto extends createZodDto(RegistrationDetailSchema) {}
class EvidenceKindDto extends createZodDto(z.object({ kind: z.enum(['proofOfCommunication', 'customerFeedback', 'customerDetails']) })) {}
class EvidenceFileDto extends createZodDto(EvidenceFileSchema) {}
class FileParamsDto extends createZodDto(z.object({ id: z.uuid(), fileId: z.uuid() })) {}
class ApproveDto extends createZodDto(ApproveRegistrationSchema) {}
class InlineQueryDto extends createZodDto(z.object({ inline: z.enum(['true', 'false']).optional() })) {}
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);
class RejectDto extends createZodDto(z.object({ reason: z.string().trim().min(1).max(2000) })) {}
class ExtendDto extends createZodDto(ExtendRegistrationSchema) {}
class ExtendedDto extends createZodDto(RegistrationExtendedSchema) {}
class WonDto extends createZodDto(WonRegistrationSchema) {}
class LostDto extends createZodDto(LostRegistrationSchema) {}

/** Deal registration (work in progress for issue #5: register, submit with conflict detection, review). */
@ApiTags('deal-registrations')
@Controller('deal-registrations')
export class DealRegistrationsController {
  constructor(private readonly registrations: DealRegistrationsService) {}

  /** A draft; with `?submit=true` created and submitted in one transaction (answering the submission's status and conflicts). */
  @Post()
  @PartnerRoles()
  @ZodResponse({ type: RegistrationCreatedDto, status: 201 })
  async create(@Body() body: InputDto, @Query() q: CreateQueryDto, @CurrentUser() user: AuthenticatedUser) {
    if (!user.partnerId) throw new AppError('FORBIDDEN', { role: user.role });
    if (q.submit === 'true') return this.registrations.createAndSubmit(user.partnerId, body, user);
    return { id: await this.registrations.create(user.partnerId, body, user) };
  }

  // GET /deal-registrations (the review queue / a partner's own list) is RegistrationQueueController's.

  /** What a registration in this segment needs from the calling partner: its covering agreement and required evidence. */
  @Get('requirements')
  @PartnerRoles()
  @ZodResponse({ type: RequirementsDto })
  requirements(@Query() q: RequirementsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    if (!user.partnerId) throw new AppError('FORBIDDEN', { role: user.role });
    return this.registrations.requirements(user.partnerId, q.industryId, q.regionId);
  }

  @Get(':id')
  @AnyRole()
  @ZodResponse({ type: RegistrationDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.get(id, scopeOf(user));
  }

  @Post(':id/submit')
  @PartnerRoles()
  @HttpCode(200)
  @ZodResponse({ type: SubmittedDto })
  submit(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.submit(id, scopeOf(user), user);
  }

  @Post(':id/approve')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(204)
  approve(@Param() { id }: IdParamDto, @Body() body: ApproveDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.approve(id, user, body?.comment);
  }

  @Post(':id/extend')
  @PartnerRoles()
  @HttpCode(200)
  @ZodResponse({ type: ExtendedDto })
  async extend(@Param() { id }: IdParamDto, @Body() body: ExtendDto, @CurrentUser() user: AuthenticatedUser) {
    return { protectionEnds: await this.registrations.extend(id, scopeOf(user), body.progress, user) };
  }

  @Post(':id/won')
  @PartnerRoles()
  @HttpCode(204)
  won(@Param() { id }: IdParamDto, @Body() body: WonDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.close(id, scopeOf(user), { won: true, amount: body.amount, date: body.date }, user);
  }

  @Post(':id/lost')
  @PartnerRoles()
  @HttpCode(204)
  lost(@Param() { id }: IdParamDto, @Body() body: LostDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.close(id, scopeOf(user), { won: false, reason: body.reason }, user);
  }

  @Post(':id/withdraw')
  @PartnerRoles()
  @HttpCode(204)
  withdraw(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.close(id, scopeOf(user), { withdrawn: true }, user);
  }

  /** Evidence file upload (multipart field `file`, max 5 MB, pdf/png/jpg/docx/xlsx checked by content). */
  @Post(':id/evidence')
  @PartnerRoles()
  @ApiConsumes('multipart/form-data')
  // Browsers send UTF-8 file names (中文 names included); multer would read them as latin1.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 }, defParamCharset: 'utf8' } as never))
  @ZodResponse({ type: CreatedDto, status: 201 })
  addEvidence(@Param() { id }: IdParamDto, @Body() body: EvidenceKindDto, @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.addEvidence(id, scopeOf(user), body.kind, file, user);
  }

  @Get(':id/evidence')
  @AnyRole()
  @ZodResponse({ type: [EvidenceFileDto] })
  listEvidence(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.evidenceFiles(id, scopeOf(user));
  }

  @Get(':id/evidence/:fileId')
  @AnyRole()
  async downloadEvidence(@Param() { id, fileId }: FileParamsDto, @Query() q: InlineQueryDto, @CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const f = await this.registrations.evidenceContent(id, fileId, scopeOf(user));
    // `?inline=true` opens a PDF or an image in the browser (the reviewer's desk), sandboxed: no script runs from it.
    const inline = q.inline === 'true' && INLINE_TYPES.has(f.mimeType);
    if (inline) res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'");
    res.setHeader('Content-Type', f.mimeType);
    res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(f.content);
  }

  @Post(':id/reject')
  @Roles('vendor_admin', 'channel_manager')
  @HttpCode(204)
  reject(@Param() { id }: IdParamDto, @Body() body: RejectDto, @CurrentUser() user: AuthenticatedUser) {
    return this.registrations.reject(id, body.reason, user);
  }
}
