import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { PARTNER_ROLES, type Role, ROLES, VENDOR_ROLES } from '@partnerline/domain';
import type { AuthenticatedUser } from '../http/request-context';

export const PUBLIC_KEY = 'partnerline:public';
export const ROLES_KEY = 'partnerline:roles';

/** No session needed (login, health, public application form…). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The roles allowed to call this handler. Every non-public handler must declare them: the guard fails closed. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const AnyRole = () => Roles(...ROLES);
export const VendorRoles = () => Roles(...VENDOR_ROLES);
export const PartnerRoles = () => Roles(...PARTNER_ROLES);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  return ctx.switchToHttp().getRequest().user;
});
