import { z } from 'zod';
import { LocaleSchema, UuidSchema } from '../common/common.schema.js';

export const RoleSchema = z.enum(['vendor_admin', 'channel_manager', 'leadership', 'partner_admin', 'partner_user']);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES = RoleSchema.options;

export const VENDOR_ROLES = ['vendor_admin', 'channel_manager', 'leadership'] as const satisfies readonly Role[];
export const PARTNER_ROLES = ['partner_admin', 'partner_user'] as const satisfies readonly Role[];

export const JobRoleSchema = z.enum(['sales', 'presales', 'service']);
export type JobRole = z.infer<typeof JobRoleSchema>;

export function isPartnerRole(role: Role): role is (typeof PARTNER_ROLES)[number] {
  return (PARTNER_ROLES as readonly Role[]).includes(role);
}

export function isVendorRole(role: Role): role is (typeof VENDOR_ROLES)[number] {
  return (VENDOR_ROLES as readonly Role[]).includes(role);
}

/** Which app a role signs in to: vendor staff use the admin app, partners the portal. */
export function homeAppFor(role: Role): 'admin' | 'portal' {
  return isPartnerRole(role) ? 'portal' : 'admin';
}

export const LoginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'validation.email' })),
  password: z.string().min(1).max(200),
});
export type Login = z.infer<typeof LoginSchema>;

export const PasswordSchema = z
  .string()
  .min(10, { message: 'validation.password_length' })
  .max(200)
  .refine((p) => p.trim().length > 0, { message: 'validation.password_blank' });

export const UserSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  jobRole: JobRoleSchema.nullable(),
  partnerId: UuidSchema.nullable(),
  partnerName: z.string().nullable(),
  locale: LocaleSchema,
  timeZone: z.string(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const LoginResultSchema = z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema });
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const UpdateMeSchema = z.object({ locale: LocaleSchema.optional(), timeZone: z.string().min(1).max(64).optional() });
export type UpdateMe = z.infer<typeof UpdateMeSchema>;

export const SetUserDisabledSchema = z.object({ disabled: z.boolean(), reason: z.string().trim().max(500).optional() });
export type SetUserDisabled = z.infer<typeof SetUserDisabledSchema>;
