import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PasswordResetConfirmSchema,
  PasswordResetDoneSchema,
  PasswordResetRequestedSchema,
  PasswordResetRequestSchema,
  PublicConfigSchema,
} from '@partnerline/domain';
import type { Request } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../../common/auth/auth.decorators';
import { PasswordResetService } from './password-reset.service';

class PublicConfigDto extends createZodDto(PublicConfigSchema) {}
class ResetRequestDto extends createZodDto(PasswordResetRequestSchema) {}
class ResetRequestedDto extends createZodDto(PasswordResetRequestedSchema) {}
class ResetConfirmDto extends createZodDto(PasswordResetConfirmSchema) {}
class ResetDoneDto extends createZodDto(PasswordResetDoneSchema) {}

@ApiTags('auth')
@Controller('auth')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** What the sign-in page needs before anyone signs in: is email configured, is the demo data loaded. */
  @Get('config')
  @Public()
  @ZodResponse({ type: PublicConfigDto })
  config() {
    return this.resets.publicConfig();
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ZodResponse({ type: ResetRequestedDto, status: 202 })
  request(@Body() body: ResetRequestDto, @Req() req: Request) {
    return this.resets.request(body.email, req.ip ?? null);
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(200)
  @ZodResponse({ type: ResetDoneDto })
  confirm(@Body() body: ResetConfirmDto, @Req() req: Request) {
    return this.resets.confirm(body.token, body.password, req.ip ?? null);
  }
}
