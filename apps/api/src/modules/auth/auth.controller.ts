import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LoginResultSchema, LoginSchema, SessionProbeSchema, UpdateMeSchema, UserSchema } from '@partnerline/domain';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, CurrentUser, Public } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-token';

class LoginDto extends createZodDto(LoginSchema) {}
class LoginResultDto extends createZodDto(LoginResultSchema) {}
class UserDto extends createZodDto(UserSchema) {}
class UpdateMeDto extends createZodDto(UpdateMeSchema) {}
class SessionProbeDto extends createZodDto(SessionProbeSchema) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Returns a bearer token for API clients and sets an httpOnly cookie for the apps. */
  @Post('login')
  @Public()
  @ZodResponse({ type: LoginResultDto, status: 200 })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const result = await this.auth.login(body, { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      expires: new Date(result.expiresAt),
    });
    return result;
  }

  @Post('logout')
  @AnyRole()
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(user.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  /** The apps' session probe: 200 with the user, or with null when nobody is signed in (no 401 to log). */
  @Get('session')
  @Public()
  @ZodResponse({ type: SessionProbeDto })
  async session(@Req() req: Request & { user?: AuthenticatedUser }) {
    return { user: req.user ? await this.auth.me(req.user.id) : null };
  }

  @Get('me')
  @AnyRole()
  @ZodResponse({ type: UserDto })
  me(@CurrentUser() user: AuthenticatedUser) {
    return this.auth.me(user.id);
  }

  @Patch('me')
  @AnyRole()
  @ZodResponse({ type: UserDto })
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeDto) {
    return this.auth.updateMe(user.id, body);
  }
}
