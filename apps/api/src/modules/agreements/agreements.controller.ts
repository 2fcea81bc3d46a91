import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AgreementDetailSchema,
  AgreementQuerySchema,
  AgreementSummarySchema,
  AgreementTermsSchema,
  AgreementVersionSchema,
  AmendmentCreatedSchema,
  ApproveAgreementSchema,
  CreatedSchema,
  ExclusivityAnswerSchema,
  ExclusivityOverlapsSchema,
  ExclusivityPreviewSchema,
  ExclusivityQuerySchema,
  pageOf,
  RejectAgreementSchema,
  TerminateAgreementSchema,
  VENDOR_SCOPE,
} from '@partnerline/domain';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser, Roles, VendorRoles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { localeOf } from '../../common/http/request-locale';
import { businessToday } from '../../common/time';
import { CatalogRepository } from '../catalog/catalog.repository';
import { IdParamDto } from '../../common/http/params';
import { renderAgreementDocument } from './agreement-document';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';

class TermsDto extends createZodDto(AgreementTermsSchema) {}
class QueryDto extends createZodDto(AgreementQuerySchema) {}
class PageDto extends createZodDto(pageOf(AgreementSummarySchema)) {}
class DetailDto extends createZodDto(AgreementDetailSchema) {}
class VersionDto extends createZodDto(AgreementVersionSchema) {}
class ApproveDto extends createZodDto(ApproveAgreementSchema) {}
class RejectDto extends createZodDto(RejectAgreementSchema) {}
class TerminateDto extends createZodDto(TerminateAgreementSchema) {}
class VersionCreatedDto extends createZodDto(AmendmentCreatedSchema) {}
class CreatedDto extends createZodDto(CreatedSchema) {}
class ExclusivityQueryDto extends createZodDto(ExclusivityQuerySchema) {}
class ExclusivityDto extends createZodDto(ExclusivityAnswerSchema) {}
class PreviewDto extends createZodDto(ExclusivityPreviewSchema) {}
class HoldingsDto extends createZodDto(ExclusivityOverlapsSchema) {}

const MANAGERS = ['vendor_admin', 'channel_manager'] as const;

@ApiTags('agreements')
@Controller()
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly repo: AgreementsRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  @Get('agreements')
  @AnyRole()
  @ZodResponse({ type: PageDto })
  async list(@Query() q: QueryDto, @CurrentUser() user: AuthenticatedUser) {
    return { ...(await this.repo.list(q, scopeOf(user), businessToday())), page: q.page, pageSize: q.pageSize };
  }

  @Post('agreements')
  @Roles(...MANAGERS)
  @ZodResponse({ type: CreatedDto, status: 201 })
  async create(@Body() body: TermsDto, @CurrentUser() user: AuthenticatedUser) {
    return { id: await this.agreements.create(body, user) };
  }

  @Get('agreements/:id')
  @AnyRole()
  @ZodResponse({ type: DetailDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.detail(id, user, scopeOf(user));
  }

  @Patch('agreements/:id')
  @Roles(...MANAGERS)
  @ZodResponse({ type: DetailDto })
  async patch(@Param() { id }: IdParamDto, @Body() body: TermsDto, @CurrentUser() user: AuthenticatedUser) {
    await this.agreements.update(id, body);
    return this.agreements.detail(id, user, VENDOR_SCOPE);
  }

  @Post('agreements/:id/submit')
  @Roles(...MANAGERS)
  @HttpCode(204)
  submit(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.submit(id, user);
  }

  /** A different person from the submitter approves: another channel manager or a vendor admin. */
  @Post('agreements/:id/approve')
  @Roles(...MANAGERS)
  @HttpCode(204)
  approve(@Param() { id }: IdParamDto, @Body() body: ApproveDto, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.approve(id, user, body.overrideTrackRecord);
  }

  @Post('agreements/:id/reject')
  @Roles(...MANAGERS)
  @HttpCode(204)
  reject(@Param() { id }: IdParamDto, @Body() body: RejectDto, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.reject(id, body.reason, user);
  }

  @Post('agreements/:id/terminate')
  @Roles(...MANAGERS)
  @HttpCode(204)
  terminate(@Param() { id }: IdParamDto, @Body() body: TerminateDto, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.terminate(id, body.reason, body.effectiveDate, user);
  }

  @Post('agreements/:id/amend')
  @Roles(...MANAGERS)
  @ZodResponse({ type: VersionCreatedDto, status: 201 })
  async amend(@Param() { id }: IdParamDto, @Body() body: TermsDto, @CurrentUser() user: AuthenticatedUser) {
    return { version: await this.agreements.amend(id, body, user) };
  }

  @Get('agreements/:id/versions')
  @AnyRole()
  @ZodResponse({ type: [VersionDto] })
  versions(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.agreements.versions(id, scopeOf(user));
  }

  /** A printable agreement (HTML) in the caller's language (`?lang=zh-CN|en`). */
  @Get('agreements/:id/document')
  @AnyRole()
  async document(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res() res: Response) {
    const locale = localeOf(req);
    const detail = await this.agreements.detail(id, user, scopeOf(user));
    const { products, lines } = await this.catalog.productNames();
    const pick = (r: { name_zh: string; name_en: string }) => (locale === 'zh-CN' ? r.name_zh : r.name_en);
    const roles =
      locale === 'zh-CN'
        ? { sales: '销售', presales: '售前', service: '服务' }
        : { sales: 'sales', presales: 'presales', service: 'service' };
    res.type('html').send(
      renderAgreementDocument(detail, locale, {
        products: new Map(products.map((p) => [p.id, pick(p)])),
        productLines: new Map(lines.map((l) => [l.id, pick(l)])),
        roles,
      }),
    );
  }

  /** Who holds a segment exclusively on a date (default today). */
  @Get('exclusivity')
  @VendorRoles()
  @ZodResponse({ type: ExclusivityDto })
  async exclusivity(@Query() q: ExclusivityQueryDto) {
    return { holder: await this.repo.holderOn(q.industryId, q.regionId, q.on ?? businessToday()) };
  }

  /** The overlap preview: which exclusive holdings a draft scope and term would collide with. */
  @Post('exclusivity/preview')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ZodResponse({ type: HoldingsDto })
  async preview(@Body() body: PreviewDto) {
    return { overlaps: await this.agreements.previewOverlaps(body.scope, body.startDate, body.endDate, body.excludeAgreementId ?? null) };
  }
}
