import { z } from 'zod';
import { PasswordSchema, UserSchema, VENDOR_ROLES } from '../auth/auth.schema.js';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'validation.email' }));

export const VendorRoleSchema = z.enum(VENDOR_ROLES);
export type VendorRole = z.infer<typeof VendorRoleSchema>;

/** POST /users/invitations: a vendor admin invites vendor staff by email. */
export const InviteStaffSchema = z.object({
  email,
  displayName: z.string().trim().min(1, { message: 'validation.required' }).max(100),
  role: VendorRoleSchema,
});
export type InviteStaff = z.infer<typeof InviteStaffSchema>;

export const InviteStaffResultSchema = z.object({ userId: z.uuid(), expiresAt: z.string(), emailSent: z.boolean() });
export type InviteStaffResult = z.infer<typeof InviteStaffResultSchema>;

/** POST /users/:id/role */
export const ChangeRoleSchema = z.object({ role: VendorRoleSchema });
export type ChangeRole = z.infer<typeof ChangeRoleSchema>;

/** A row of the users page: the user and whether an invitation is still waiting to be accepted. */
export const ManagedUserSchema = UserSchema.extend({ invitationPending: z.boolean() });
export type ManagedUser = z.infer<typeof ManagedUserSchema>;

/** POST /auth/password-reset: always the same answer, whether or not the address has an account. */
export const PasswordResetRequestSchema = z.object({ email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;
export const PasswordResetRequestedSchema = z.object({ accepted: z.literal(true) });

/** POST /auth/password-reset/confirm */
export const PasswordResetConfirmSchema = z.object({ token: z.string().min(20).max(200), password: PasswordSchema });
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirmSchema>;
export const PasswordResetDoneSchema = z.object({ email: z.string() });

/** GET /auth/config: what the sign-in page needs to know before anyone signs in. */
export const PublicConfigSchema = z.object({
  /** Email can be sent (SMTP configured): "forgot password" works. */
  emailEnabled: z.boolean(),
  /** The demo data set is loaded (set by the seed): the sign-in page may show the demo password. */
  demoData: z.boolean(),
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;

/** A password-reset link lives one hour. */
export const PASSWORD_RESET_TTL_MINUTES = 60;
export function passwordResetExpiresAt(now: Date): Date {
  return new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000);
}

/** The reset email, in the recipient's language. */
export function passwordResetMail(locale: 'en' | 'zh-CN', link: string): { subject: string; text: string } {
  return locale === 'zh-CN'
    ? {
        subject: '重置您的 Partnerline 密码',
        text: `有人请求重置您的 Partnerline 密码。如是您本人，请在 ${PASSWORD_RESET_TTL_MINUTES} 分钟内打开以下链接设置新密码（仅可使用一次）：\n\n${link}\n\n如不是您本人，请忽略本邮件，您的密码不会改变。`,
      }
    : {
        subject: 'Reset your Partnerline password',
        text: `Someone asked to reset your Partnerline password. If it was you, open this link within ${PASSWORD_RESET_TTL_MINUTES} minutes to set a new one (it works once):\n\n${link}\n\nIf it was not you, ignore this email; your password stays as it is.`,
      };
}

/** GET /auth/session: the session probe answers 200 either way (a 401 on the sign-in page would log a console error). */
export const SessionProbeSchema = z.object({ user: UserSchema.nullable() });
export type SessionProbe = z.infer<typeof SessionProbeSchema>;
