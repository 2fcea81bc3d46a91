import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@partnerline/domain';
import type { Request } from 'express';
import { AuthService } from '../../modules/auth/auth.service';
import { SESSION_COOKIE } from '../../modules/auth/session-token';
import { AppError } from '../errors/app-error';
import { currentRequest, type AuthenticatedUser } from '../http/request-context';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

export function tokenFrom(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim() || null;
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie || null;
}

/**
 * Global guard: every handler is either @Public() or declares its @Roles(); one that does
 * neither is refused (fail closed) so a forgotten decorator can never open an endpoint.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const token = tokenFrom(req);
    const session = token ? await this.auth.authenticate(token) : null;
    if (session) {
      const user: AuthenticatedUser = {
        id: session.user.id,
        email: session.user.email,
        role: session.user.role,
        partnerId: session.user.partnerId,
        sessionId: session.sessionId,
        locale: session.user.locale,
      };
      req.user = user;
      const ctx = currentRequest();
      if (ctx) ctx.user = user;
    }
    if (isPublic) return true;
    if (!session) throw new AppError(token ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no roles; refusing`);
      throw new AppError('FORBIDDEN', { role: session.user.role });
    }
    if (!roles.includes(session.user.role)) throw new AppError('FORBIDDEN', { role: session.user.role }, { allowedRoles: roles });
    return true;
  }
}
