import type {
  Certification,
  CertificationStatus,
  CourseDetail,
  CourseSummary,
  EnrolmentView,
  LearnerQuestion,
  Qualification,
  QualificationReview,
  QuizAttemptInput,
  QuizResult,
  SupportRequest,
  SupportRequestInput,
  SupportThread,
} from '@partnerline/domain';
import { apiFetch } from '@partnerline/ui';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

// ── Learning ──────────────────────────────────────────────────────────────────

export const coursesQueryOptions = () => queryOptions({ queryKey: ['courses'], queryFn: () => apiFetch<CourseSummary[]>('/courses') });
export const courseQueryOptions = (id: string) => queryOptions({ queryKey: ['course', id], queryFn: () => apiFetch<CourseDetail>(`/courses/${id}`) });

export type EnrolmentListItem = EnrolmentView & { courseCode: string; courseTitle: string; userName: string };
export const enrolmentsQueryOptions = () => queryOptions({ queryKey: ['enrolments'], queryFn: () => apiFetch<EnrolmentListItem[]>('/enrolments') });

export type LearnerQuiz = {
  available: boolean;
  reason: null | 'already_passed' | 'modules_incomplete' | 'no_attempts_left';
  attemptNo: number;
  attemptsLeft: number;
  passMarkPercent: number;
  questions: LearnerQuestion[];
};

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
    mutationFn: ({ courseId, userId }: { courseId: string; userId?: string }) => apiFetch<EnrolmentView>(`/courses/${courseId}/enrolments`, { method: 'POST', body: userId ? { userId } : {} }),
    onSuccess: (_r, v) => invalidate(v.courseId),
  });
}

export function useCompleteModule(courseId: string) {
  const invalidate = useTrainingInvalidation();
  return useMutation({
    mutationFn: ({ enrolmentId, moduleId }: { enrolmentId: string; moduleId: string }) => apiFetch<EnrolmentView>(`/enrolments/${enrolmentId}/modules/${moduleId}/complete`, { method: 'POST' }),
    onSuccess: () => invalidate(courseId),
  });
}

/** The quiz is fetched on demand ("Start quiz"): each fetch is the shuffled paper for the next attempt. */
export function useStartQuiz() {
  return useMutation({ mutationFn: (enrolmentId: string) => apiFetch<LearnerQuiz>(`/enrolments/${enrolmentId}/quiz`) });
}

export function useSubmitQuiz(courseId: string) {
  const invalidate = useTrainingInvalidation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ enrolmentId, input }: { enrolmentId: string; input: QuizAttemptInput }) => apiFetch<QuizResult>(`/enrolments/${enrolmentId}/quiz-attempts`, { method: 'POST', body: input }),
    onSuccess: (r) => {
      invalidate(courseId);
      if (r.certificationsEarned.length) void qc.invalidateQueries({ queryKey: ['certifications'] });
    },
  });
}

// ── Certificates and qualification ────────────────────────────────────────────

export const certificationsQueryOptions = (status?: CertificationStatus) =>
  queryOptions({ queryKey: ['certifications', status ?? 'all'], queryFn: () => apiFetch<Certification[]>('/certifications', { query: { status } }) });

export type Verification = { code: string; holderName: string; certification: string; partnerName: string; earnedOn: string; expiresOn: string; status: CertificationStatus };
export const verificationQueryOptions = (code: string) =>
  queryOptions({ queryKey: ['verify', code], queryFn: () => apiFetch<Verification>(`/certifications/verify/${encodeURIComponent(code)}`), retry: false });

export const agreementQualificationQueryOptions = (agreementId: string) =>
  queryOptions({ queryKey: ['agreement', agreementId, 'qualification'], queryFn: () => apiFetch<Qualification>(`/agreements/${agreementId}/qualification`) });
export const partnerQualificationQueryOptions = (partnerId: string) =>
  queryOptions({ queryKey: ['qualification', partnerId], queryFn: () => apiFetch<Qualification[]>('/qualification', { query: { partnerId } }) });
export const qualificationReviewsQueryOptions = () => queryOptions({ queryKey: ['qualification-reviews'], queryFn: () => apiFetch<QualificationReview[]>('/qualification-reviews') });

/** The printable certificate, in the UI language. */
export const certificateDocumentUrl = (id: string, lang: string) => `/api/certifications/${id}/document?lang=${lang === 'zh-CN' ? 'zh-CN' : 'en'}`;

// ── Support requests ──────────────────────────────────────────────────────────

export const supportRequestsQueryOptions = () => queryOptions({ queryKey: ['support-requests'], queryFn: () => apiFetch<SupportRequest[]>('/support-requests') });
export const supportThreadQueryOptions = (id: string) => queryOptions({ queryKey: ['support-request', id], queryFn: () => apiFetch<SupportThread>(`/support-requests/${id}`) });

export function useCreateSupportRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SupportRequestInput) => apiFetch<{ id: string }>('/support-requests', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['support-requests'] }),
  });
}

export function useSupportAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'messages' | 'close'; body: { body: string } | { resolution: string } }) => apiFetch<void>(`/support-requests/${id}/${action}`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['support-request', id] });
      void qc.invalidateQueries({ queryKey: ['support-requests'] });
    },
  });
}
