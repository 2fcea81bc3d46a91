import { z } from 'zod';
import { CertificationPathSchema, CertificationVerificationSchema, EnrolmentViewSchema, LearnerQuestionSchema } from './training.schema.js';

/** Response shapes of the training endpoints not already in training.schema. */

/** One row of GET /enrolments (the team's training). */
export const EnrolmentListItemSchema = EnrolmentViewSchema.extend({ courseCode: z.string(), courseTitle: z.string(), userName: z.string() });
export type EnrolmentListItem = z.infer<typeof EnrolmentListItemSchema>;

/** Why the quiz cannot be taken now (null when it can). */
export const QuizUnavailableReasonSchema = z.enum(['already_passed', 'modules_incomplete', 'no_attempts_left']);

/** GET /enrolments/:id/quiz: the shuffled paper for the next attempt, without the answer key. */
export const LearnerQuizSchema = z.object({
  available: z.boolean(),
  reason: QuizUnavailableReasonSchema.nullable(),
  attemptNo: z.number().int(),
  attemptsLeft: z.number().int(),
  passMarkPercent: z.number(),
  questions: z.array(LearnerQuestionSchema),
});
export type LearnerQuiz = z.infer<typeof LearnerQuizSchema>;

/** GET /support-requests/assignees: vendor staff a request can be assigned to. */
export const SupportAssigneeSchema = z.object({ id: z.uuid(), displayName: z.string(), role: z.enum(['vendor_admin', 'channel_manager']) });
export type SupportAssignee = z.infer<typeof SupportAssigneeSchema>;

/** GET /certifications/verify/:code (public). */
export type CertificationVerification = z.infer<typeof CertificationVerificationSchema>;

/** GET /certification-paths: a path with its courses and how many hold it. */
export type CertificationPath = z.infer<typeof CertificationPathSchema>;
