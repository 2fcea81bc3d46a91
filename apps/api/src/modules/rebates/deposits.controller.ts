import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AgreementDepositSchema, DepositEventSchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import { IdParamDto } from '../../common/http/params';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { DepositsService } from './deposits.service';

class DepositDto extends createZodDto(AgreementDepositSchema) {}
class DepositEventDto extends createZodDto(DepositEventSchema) {}

@ApiTags('rebates')
@Controller()
export class DepositsController {
  constructor(private readonly deposits: DepositsService) {}

  /** An exclusive agreement's deposit (created from the terms on first read). Partners: their own agreements only. */
  @Get('agreements/:id/deposit')
  @AnyRole()
  @ZodResponse({ type: DepositDto })
  get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    return this.deposits.get(id, scopeOf(user), businessToday());
  }

  /** Moves the deposit (paid, offset, refunded, forfeited): an event, a ledger entry and an audit row together. */
  @Post('agreements/:id/deposit-events')
  @Roles('vendor_admin', 'channel_manager')
  @ZodResponse({ type: DepositDto, status: 201 })
  move(@Param() { id }: IdParamDto, @Body() body: DepositEventDto, @CurrentUser() user: AuthenticatedUser) {
    return this.deposits.move(id, body, user, businessToday());
  }
}
