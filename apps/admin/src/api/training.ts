import {
  type CertificationPath,
  type CertificationPathInput,
  CourseDetailSchema,
  type CourseInput,
  type CourseStatus,
  CreatedSchema,
  type QualificationReviewInput,
  QualificationReviewSchema,
} from '@partnerline/domain';
import { sendParsed, sendVoid } from '@partnerline/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export {
  agreementQualificationQueryOptions,
  certificateDocumentUrl,
  type CertificationFilters,
  certificationsPageQueryOptions,
  certificationsQueryOptions,
  type CourseFilters,
  courseQueryOptions,
  coursesQueryOptions,
  partnerQualificationQueryOptions,
  pathsQueryOptions,
  QUEUE_PAGE_SIZE,
  type ReviewFilters,
  reviewQueryOptions,
  reviewsPageQueryOptions,
  reviewsQueryOptions,
  type SupportFilters,
  supportAssigneesQueryOptions,
  supportRequestsPageQueryOptions,
  supportRequestsQueryOptions,
  supportThreadQueryOptions,
} from '@partnerline/ui';
export type { CertificationPath };

// ── Courses ─────────────────────────────────────────────────────────────────────

export function useCreateCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (content: CourseInput) => sendParsed(CreatedSchema, '/courses', 'POST', content),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}

export function useUpdateCourse(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: { content?: CourseInput; status?: CourseStatus }) => sendParsed(CourseDetailSchema, `/courses/${id}`, 'PATCH', patch),
    onSuccess: (course) => {
      qc.setQueryData(['course', id], course);
      void qc.invalidateQueries({ queryKey: ['courses'] });
      void qc.invalidateQueries({ queryKey: ['certification-paths'] });
    },
  });
}

// ── Certification paths and certificates ─────────────────────────────────────────

export function useSavePath() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id?: string; input: CertificationPathInput }): Promise<void> => {
      if (id) await sendVoid(`/certification-paths/${id}`, 'PATCH', input);
      else await sendParsed(CreatedSchema, '/certification-paths', 'POST', input);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['certification-paths'] });
      void qc.invalidateQueries({ queryKey: ['course'] });
    },
  });
}

export function useRevokeCertification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => sendVoid(`/certifications/${id}/revoke`, 'POST', { reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['certifications'] });
      void qc.invalidateQueries({ queryKey: ['certification-paths'] });
      void qc.invalidateQueries({ queryKey: ['qualification'] });
    },
  });
}

// ── Qualification reviews ───────────────────────────────────────────────────────

export function useScheduleReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { partnerId: string; dueOn: string }) => sendParsed(CreatedSchema, '/qualification-reviews', 'POST', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['qualification-reviews'] }),
  });
}

export function useCompleteReview(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: QualificationReviewInput) => sendParsed(QualificationReviewSchema, `/qualification-reviews/${id}/complete`, 'POST', input),
    onSuccess: (review) => {
      qc.setQueryData(['qualification-review', id], review);
      void qc.invalidateQueries({ queryKey: ['qualification-reviews'] });
    },
  });
}

// ── Support requests ────────────────────────────────────────────────────────────

export type SupportAction =
  | { action: 'messages'; body: { body: string } }
  | { action: 'assign'; body: { assigneeId: string } }
  | { action: 'funds'; body: { decision: 'approved' | 'declined'; amount: string | null; note: string } }
  | { action: 'close'; body: { resolution: string } };

export function useSupportAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: SupportAction) => sendVoid(`/support-requests/${id}/${action}`, 'POST', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['support-request', id] });
      void qc.invalidateQueries({ queryKey: ['support-requests'] });
    },
  });
}
