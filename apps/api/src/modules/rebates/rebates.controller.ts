import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateRebateReversalSchema,
  DisputeRebateLineSchema,
  PayRebateStatementSchema,
  RebateDisputeListSchema,
  RebateDisputeQuerySchema,
  RebateDisputeSchema,
  RebateLedgerPageSchema,
  RebateLedgerQuerySchema,
  RebateLiabilitySchema,
  RebateReversalListSchema,
  RebateReversalSchema,
  RebateRunListSchema,
  RebateRunQuerySchema,
  RebateRunSchema,
  RebateStatementPageSchema,
  RebateStatementQuerySchema,
  RebateStatementSchema,
  ResolveRebateDisputeSchema,
  StartRebateRunSchema,
} from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { AnyRole, CurrentUser, Roles, VendorRoles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import { IdParamDto } from '../../common/http/params';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { RebateDisputesService } from './rebate-disputes.service';
import { RebateLedgerService } from './rebate-ledger.service';
import { RebateReversalsService } from './rebate-reversals.service';
import { RebateRunsService } from './rebate-runs.service';
import { RebateStatementsService } from './rebate-statements.service';

const MANAGERS = ['vendor_admin', 'channel_manager'] as const;

class StartRebateRunDto extends createZodDto(StartRebateRunSchema) {}
class RebateRunDto extends createZodDto(RebateRunSchema) {}
class RebateRunListDto extends createZodDto(RebateRunListSchema) {}
class RebateRunQueryDto extends createZodDto(RebateRunQuerySchema) {}
class RebateStatementPageDto extends createZodDto(RebateStatementPageSchema) {}
class RebateStatementQueryDto extends createZodDto(RebateStatementQuerySchema) {}
class RebateStatementDto extends createZodDto(RebateStatementSchema) {}
class PayRebateStatementDto extends createZodDto(PayRebateStatementSchema) {}
class DisputeRebateLineDto extends createZodDto(DisputeRebateLineSchema) {}
class LineParamDto extends createZodDto(z.object({ id: z.uuid(), lineId: z.uuid() })) {}
class RebateDisputeDto extends createZodDto(RebateDisputeSchema) {}
class RebateDisputeListDto extends createZodDto(RebateDisputeListSchema) {}
class RebateDisputeQueryDto extends createZodDto(RebateDisputeQuerySchema) {}
class ResolveRebateDisputeDto extends createZodDto(ResolveRebateDisputeSchema) {}
class CreateRebateReversalDto extends createZodDto(CreateRebateReversalSchema) {}
class RebateReversalDto extends createZodDto(RebateReversalSchema) {}
class RebateReversalListDto extends createZodDto(RebateReversalListSchema) {}
class RebateLedgerQueryDto extends createZodDto(RebateLedgerQuerySchema) {}
class RebateLedgerPageDto extends createZodDto(RebateLedgerPageSchema) {}
class RebateLiabilityDto extends createZodDto(RebateLiabilitySchema) {}

@ApiTags('rebates')
@Controller('rebate-runs')
export class RebateRunsController {
  constructor(private readonly runs: RebateRunsService) {}

  /** Starts a run of a period (one active run per period: 409 REBATE_RUN_ACTIVE); it runs as a job. */
  @Post()
  @Roles(...MANAGERS)
  @HttpCode(202)
  @ZodResponse({ status: 202, type: RebateRunDto })
  start(@Body() body: StartRebateRunDto, @CurrentUser() user: AuthenticatedUser) {
    return this.runs.start(body.period, user);
  }

  @Get()
  @VendorRoles()
  @ZodResponse({ type: RebateRunListDto })
  async list(@Query() q: RebateRunQueryDto) {
    return { items: await this.runs.list(q.period, q.limit) };
  }

  @Get(':id')
  @VendorRoles()
  @ZodResponse({ type: RebateRunDto })
  get(@Param() p: IdParamDto) {
    return this.runs.get(p.id);
  }
}

@ApiTags('rebates')
@Controller('rebate-statements')
export class RebateStatementsController {
  constructor(
    private readonly statements: RebateStatementsService,
    private readonly disputes: RebateDisputesService,
  ) {}

  /** Vendor roles: every statement; partners: their own approved and paid ones. */
  @Get()
  @AnyRole()
  @ZodResponse({ type: RebateStatementPageDto })
  page(@Query() q: RebateStatementQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.statements.page(q, scopeOf(user));
  }

  @Get(':id')
  @AnyRole()
  @ZodResponse({ type: RebateStatementDto })
  get(@Param() p: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.statements.get(p.id, scopeOf(user));
  }

  @Post(':id/approve')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ZodResponse({ type: RebateStatementDto })
  approve(@Param() p: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.statements.approve(p.id, user);
  }

  @Post(':id/pay')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ZodResponse({ type: RebateStatementDto })
  pay(@Param() p: IdParamDto, @Body() body: PayRebateStatementDto, @CurrentUser() user: AuthenticatedUser) {
    return this.statements.pay(p.id, body, user);
  }

  @Post(':id/lines/:lineId/dispute')
  @Roles('partner_admin')
  @ZodResponse({ status: 201, type: RebateDisputeDto })
  dispute(@Param() p: LineParamDto, @Body() body: DisputeRebateLineDto, @CurrentUser() user: AuthenticatedUser) {
    return this.disputes.raise(p.id, p.lineId, body, user, scopeOf(user));
  }
}

@ApiTags('rebates')
@Controller('rebate-disputes')
export class RebateDisputesController {
  constructor(private readonly disputes: RebateDisputesService) {}

  @Get()
  @AnyRole()
  @ZodResponse({ type: RebateDisputeListDto })
  async list(@Query() q: RebateDisputeQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return { items: await this.disputes.list(q, scopeOf(user)) };
  }

  @Post(':id/resolve')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ZodResponse({ type: RebateDisputeDto })
  resolve(@Param() p: IdParamDto, @Body() body: ResolveRebateDisputeDto, @CurrentUser() user: AuthenticatedUser) {
    return this.disputes.resolve(p.id, body, user);
  }
}

@ApiTags('rebates')
@Controller('rebate-reversals')
export class RebateReversalsController {
  constructor(private readonly reversals: RebateReversalsService) {}

  @Post()
  @Roles(...MANAGERS)
  @ZodResponse({ status: 201, type: RebateReversalDto })
  create(@Body() body: CreateRebateReversalDto, @CurrentUser() user: AuthenticatedUser) {
    return this.reversals.create(body, user);
  }

  @Get()
  @VendorRoles()
  @ZodResponse({ type: RebateReversalListDto })
  async list() {
    return { items: await this.reversals.list() };
  }
}

@ApiTags('rebates')
@Controller()
export class RebateLedgerController {
  constructor(private readonly ledger: RebateLedgerService) {}

  /** Partners: their own entries only; vendor roles: any partner or agreement. */
  @Get('rebate-ledger')
  @AnyRole()
  @ZodResponse({ type: RebateLedgerPageDto })
  page(@Query() q: RebateLedgerQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.ledger.page(q, scopeOf(user));
  }

  @Get('rebates/liability')
  @VendorRoles()
  @ZodResponse({ type: RebateLiabilityDto })
  liability() {
    return this.ledger.liability();
  }
}
