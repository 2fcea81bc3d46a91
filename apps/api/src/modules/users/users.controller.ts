import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ChangeRoleSchema,
  InviteStaffResultSchema,
  InviteStaffSchema,
  ManagedUserSchema,
  pageOf,
  RoleSchema,
  SetUserDisabledSchema,
  UserSchema,
} from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { scopeOf } from '../../common/auth/scope';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { IdParamDto } from '../../common/http/params';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

class UserQueryDto extends createZodDto(
  z.object({
    role: RoleSchema.optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  }),
) {}
class UserPageDto extends createZodDto(pageOf(ManagedUserSchema)) {}
class UserDto extends createZodDto(UserSchema) {}
class SetDisabledDto extends createZodDto(SetUserDisabledSchema) {}
class InviteStaffDto extends createZodDto(InviteStaffSchema) {}
class InviteStaffResultDto extends createZodDto(InviteStaffResultSchema.extend({ inviteUrl: z.string().nullable() })) {}
class ChangeRoleDto extends createZodDto(ChangeRoleSchema) {}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly repo: UsersRepository,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Roles('vendor_admin')
  @ZodResponse({ type: UserPageDto })
  async list(@Query() query: UserQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return { ...(await this.repo.list(query, scopeOf(user))), page: query.page, pageSize: query.pageSize };
  }

  /** Invites vendor staff by email: a single-use, expiring link to set a password. */
  @Post('invitations')
  @Roles('vendor_admin')
  @ZodResponse({ type: InviteStaffResultDto, status: 201 })
  invite(@Body() body: InviteStaffDto, @CurrentUser() user: AuthenticatedUser) {
    return this.users.invite(body, user);
  }

  @Post(':id/role')
  @Roles('vendor_admin')
  @HttpCode(200)
  @ZodResponse({ type: UserDto })
  changeRole(@Param() { id }: IdParamDto, @Body() body: ChangeRoleDto, @CurrentUser() user: AuthenticatedUser) {
    return this.users.changeRole(id, body, user.id);
  }

  @Post(':id/disable')
  @Roles('vendor_admin')
  @HttpCode(200)
  @ZodResponse({ type: UserDto })
  disable(@Param() { id }: IdParamDto, @Body() body: SetDisabledDto, @CurrentUser() user: AuthenticatedUser) {
    return this.users.setDisabled(id, body, user.id);
  }
}
