import { z } from 'zod';
import { LoginResultSchema } from '../auth/auth.schema.js';

/** Response shapes of the partner endpoints not already in partner.schema / partner-detail.schema. */

/** GET /channel-managers: who a partner can be assigned to. */
export const ChannelManagerSchema = z.object({ id: z.uuid(), displayName: z.string(), email: z.string() });
export type ChannelManager = z.infer<typeof ChannelManagerSchema>;

/** POST /partner-applications: the new organisation and the applicant's session. */
export const ApplicationResultSchema = LoginResultSchema.extend({ partnerId: z.uuid(), reference: z.string() });
export type ApplicationResult = z.infer<typeof ApplicationResultSchema>;

/** POST /partners/:id/screenings */
export const ScreeningResultSchema = z.object({ id: z.uuid(), total: z.number(), passed: z.boolean(), knockedOut: z.boolean(), reasons: z.array(z.string()) });
export type ScreeningResult = z.infer<typeof ScreeningResultSchema>;

/** POST /partners/:id/users: the invitation link for a new team member. */
export const InviteResultSchema = z.object({ userId: z.uuid(), inviteUrl: z.string(), expiresAt: z.string() });
export type InviteResult = z.infer<typeof InviteResultSchema>;

/** POST /invitations/accept */
export const InvitationAcceptedSchema = z.object({ email: z.string() });
