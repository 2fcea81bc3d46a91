import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotificationListSchema } from '@partnerline/domain';
import type { Request } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { localeOf } from '../../common/http/request-locale';
import { IdParamDto } from '../../common/http/params';
import { NotificationsService } from './notifications.service';

class NotificationListDto extends createZodDto(NotificationListSchema) {}

/** The caller's own notification centre (both apps). */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AnyRole()
  @ZodResponse({ type: NotificationListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.notifications.list(user.id, localeOf(req));
  }

  @Post('read-all')
  @AnyRole()
  @HttpCode(204)
  async readAll(@CurrentUser() user: AuthenticatedUser) {
    await this.notifications.markRead(user.id);
  }

  @Post(':id/read')
  @AnyRole()
  @HttpCode(204)
  async read(@Param() { id }: IdParamDto, @CurrentUser() user: AuthenticatedUser) {
    await this.notifications.markOneRead(user.id, id);
  }
}
