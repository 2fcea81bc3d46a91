import {
  type CertificationStatus,
  CreatedSchema,
  EnrolmentViewSchema,
  LearnerQuizSchema,
  type QuizAttemptInput,
  QuizResultSchema,
  type SupportRequestInput,
} from '@partnerline/domain';
import { certificationsQueryOptions as certificatesQuery, getParsed, reviewsQueryOptions, sendParsed, sendVoid } from '@partnerline/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export {
  agreementQualificationQueryOptions,
  certificateDocumentUrl,
  courseQueryOptions,
  coursesQueryOptions,
  enrolmentsQueryOptions,
  partnerQualificationQueryOptions,
  supportRequestsQueryOptions,
  supportThreadQueryOptions,
  verificationQueryOptions,
} from '@partnerline/ui';
export type { CertificationVerification as Verification, EnrolmentListItem, LearnerQuiz } from '@partnerline/domain';

/** The caller's certificates (a partner admin: the team's), optionally of one status. */
export const certificationsQueryOptions = (status?: CertificationStatus) => certificatesQuery(status ? { status } : {});
/** The organisation's qualification reviews. */
export const qualificationReviewsQueryOptions = () => reviewsQueryOptions();

// ── Learning ──────────────────────────────────────────────────────────────────

/** Invalidates what an enrolment change touches: the catalogue, the course and the team's enrolments. */
function useTrainingInvalidation() {
  const qc = useQueryClient();
  return (courseId?: string) => {
    void qc.invalidateQueries({ queryKey: ['courses'] });
    void qc.invalidateQueries({ queryKey: ['enrolments'] });
    if (courseId) void qc.invalidateQueries({ queryKey: ['course', courseId] });
  };
}

export function useEnrol() {
  const invalidate = useTrainingInvalidation();
  return useMutation({
    mutationFn: ({ courseId, userId }: { courseId: string; userId?: string }) => sendParsed(EnrolmentViewSchema, `/courses/${courseId}/enrolments`, 'POST', userId ? { userId } : {}),
    onSuccess: (_r, v) => invalidate(v.courseId),
  });
}

export function useCompleteModule(courseId: string) {
  const invalidate = useTrainingInvalidation();
  return useMutation({
    mutationFn: ({ enrolmentId, moduleId }: { enrolmentId: string; moduleId: string }) => sendParsed(EnrolmentViewSchema, `/enrolments/${enrolmentId}/modules/${moduleId}/complete`, 'POST'),
    onSuccess: () => invalidate(courseId),
  });
}

/** The quiz is fetched on demand ("Start quiz"): each fetch is the shuffled paper for the next attempt. */
export function useStartQuiz() {
  return useMutation({ mutationFn: (enrolmentId: string) => getParsed(LearnerQuizSchema, `/enrolments/${enrolmentId}/quiz`) });
}

export function useSubmitQuiz(courseId: string) {
  const invalidate = useTrainingInvalidation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ enrolmentId, input }: { enrolmentId: string; input: QuizAttemptInput }) => sendParsed(QuizResultSchema, `/enrolments/${enrolmentId}/quiz-attempts`, 'POST', input),
    onSuccess: (r) => {
      invalidate(courseId);
      if (r.certificationsEarned.length) void qc.invalidateQueries({ queryKey: ['certifications'] });
    },
  });
}

// ── Support requests ──────────────────────────────────────────────────────────

export function useCreateSupportRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SupportRequestInput) => sendParsed(CreatedSchema, '/support-requests', 'POST', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['support-requests'] }),
  });
}

export function useSupportAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'messages' | 'close'; body: { body: string } | { resolution: string } }) => sendVoid(`/support-requests/${id}/${action}`, 'POST', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['support-request', id] });
      void qc.invalidateQueries({ queryKey: ['support-requests'] });
    },
  });
}
