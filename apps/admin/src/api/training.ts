import type {
  Certification,
  CertificationPage,
  CertificationPathInput,
  CertificationStatus,
  CourseDetail,
  CourseInput,
  CourseStatus,
  CourseSummary,
  CourseTrack,
  JobRole,
  Qualification,
  QualificationReview,
  QualificationReviewInput,
  QualificationReviewPage,
  SupportKind,
  SupportRequest,
  SupportRequestPage,
  SupportStatus,
  SupportThread,
} from '@partnerline/domain';
import { apiFetch } from '@partnerline/ui';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

/** A certification path as GET /certification-paths returns it. */
export type CertificationPath = CertificationPathInput & {
  id: string;
  productLineCode: string;
  courses: { id: string; code: string; title: string }[];
  holders: number;
};

// ── Courses ─────────────────────────────────────────────────────────────────────

export type CourseFilters = { track?: CourseTrack; jobRole?: JobRole; productLineId?: string; status?: CourseStatus; q?: string };

export const coursesQueryOptions = (f: CourseFilters = {}) =>
  queryOptions({ queryKey: ['courses', f], queryFn: () => apiFetch<CourseSummary[]>('/courses', { query: f }), placeholderData: keepPreviousData });
export const courseQueryOptions = (id: string) => queryOptions({ queryKey: ['course', id], queryFn: () => apiFetch<CourseDetail>(`/courses/${id}`) });

export function useCreateCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (content: CourseInput) => apiFetch<{ id: string }>('/courses', { method: 'POST', body: content }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}

export function useUpdateCourse(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: { content?: CourseInput; status?: CourseStatus }) => apiFetch<CourseDetail>(`/courses/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: (course) => {
      qc.setQueryData(['course', id], course);
      void qc.invalidateQueries({ queryKey: ['courses'] });
      void qc.invalidateQueries({ queryKey: ['certification-paths'] });
    },
  });
}

// ── Certification paths and certificates ─────────────────────────────────────────

export const pathsQueryOptions = () => queryOptions({ queryKey: ['certification-paths'], queryFn: () => apiFetch<CertificationPath[]>('/certification-paths') });

export function useSavePath() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id?: string; input: CertificationPathInput }): Promise<void> => {
      if (id) await apiFetch<void>(`/certification-paths/${id}`, { method: 'PATCH', body: input });
      else await apiFetch<{ id: string }>('/certification-paths', { method: 'POST', body: input });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['certification-paths'] });
      void qc.invalidateQueries({ queryKey: ['course'] });
    },
  });
}

export type CertificationFilters = { partnerId?: string; userId?: string; status?: CertificationStatus; expiringWithinDays?: number };

export const certificationsQueryOptions = (f: CertificationFilters = {}) =>
  queryOptions({ queryKey: ['certifications', f], queryFn: () => apiFetch<Certification[]>('/certifications', { query: f }), placeholderData: keepPreviousData });

/** The admin queues are paged on the server: one page of this size, with the total. */
export const QUEUE_PAGE_SIZE = 25;

export const certificationsPageQueryOptions = (f: CertificationFilters, page: number) =>
  queryOptions({
    queryKey: ['certifications', 'page', f, page],
    queryFn: () => apiFetch<CertificationPage>('/certifications', { query: { ...f, page, pageSize: QUEUE_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export function useRevokeCertification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => apiFetch<void>(`/certifications/${id}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['certifications'] });
      void qc.invalidateQueries({ queryKey: ['certification-paths'] });
      void qc.invalidateQueries({ queryKey: ['qualification'] });
    },
  });
}

/** The printable certificate, in the UI language, opened in a new tab. */
export const certificateDocumentUrl = (id: string, lang: string) => `/api/certifications/${id}/document?lang=${lang === 'zh-CN' ? 'zh-CN' : 'en'}`;

// ── Qualification ───────────────────────────────────────────────────────────────

export const agreementQualificationQueryOptions = (agreementId: string) =>
  queryOptions({ queryKey: ['qualification', 'agreement', agreementId], queryFn: () => apiFetch<Qualification>(`/agreements/${agreementId}/qualification`) });
export const partnerQualificationQueryOptions = (partnerId: string) =>
  queryOptions({ queryKey: ['qualification', 'partner', partnerId], queryFn: () => apiFetch<Qualification[]>('/qualification', { query: { partnerId } }) });

export type ReviewFilters = { partnerId?: string; status?: 'scheduled' | 'completed'; overdue?: 'true' };

export const reviewsQueryOptions = (f: ReviewFilters = {}) =>
  queryOptions({ queryKey: ['qualification-reviews', f], queryFn: () => apiFetch<QualificationReview[]>('/qualification-reviews', { query: f }), placeholderData: keepPreviousData });
export const reviewsPageQueryOptions = (f: ReviewFilters, page: number) =>
  queryOptions({
    queryKey: ['qualification-reviews', 'page', f, page],
    queryFn: () => apiFetch<QualificationReviewPage>('/qualification-reviews', { query: { ...f, page, pageSize: QUEUE_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
export const reviewQueryOptions = (id: string) => queryOptions({ queryKey: ['qualification-review', id], queryFn: () => apiFetch<QualificationReview>(`/qualification-reviews/${id}`) });

export function useScheduleReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { partnerId: string; dueOn: string }) => apiFetch<{ id: string }>('/qualification-reviews', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['qualification-reviews'] }),
  });
}

export function useCompleteReview(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: QualificationReviewInput) => apiFetch<QualificationReview>(`/qualification-reviews/${id}/complete`, { method: 'POST', body: input }),
    onSuccess: (review) => {
      qc.setQueryData(['qualification-review', id], review);
      void qc.invalidateQueries({ queryKey: ['qualification-reviews'] });
    },
  });
}

// ── Support requests ────────────────────────────────────────────────────────────

export type SupportFilters = { status?: SupportStatus; kind?: SupportKind; partnerId?: string; assigneeId?: string };

export const supportRequestsQueryOptions = (f: SupportFilters = {}) =>
  queryOptions({ queryKey: ['support-requests', f], queryFn: () => apiFetch<SupportRequest[]>('/support-requests', { query: f }), placeholderData: keepPreviousData });
export const supportRequestsPageQueryOptions = (f: SupportFilters, page: number) =>
  queryOptions({
    queryKey: ['support-requests', 'page', f, page],
    queryFn: () => apiFetch<SupportRequestPage>('/support-requests', { query: { ...f, page, pageSize: QUEUE_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
export const supportThreadQueryOptions = (id: string) => queryOptions({ queryKey: ['support-request', id], queryFn: () => apiFetch<SupportThread>(`/support-requests/${id}`) });
export const supportAssigneesQueryOptions = () =>
  queryOptions({ queryKey: ['support-assignees'], queryFn: () => apiFetch<{ id: string; displayName: string; role: string }[]>('/support-requests/assignees'), staleTime: 300_000 });

export type SupportAction =
  | { action: 'messages'; body: { body: string } }
  | { action: 'assign'; body: { assigneeId: string } }
  | { action: 'funds'; body: { decision: 'approved' | 'declined'; amount: string | null; note: string } }
  | { action: 'close'; body: { resolution: string } };

export function useSupportAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: SupportAction) => apiFetch<void>(`/support-requests/${id}/${action}`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['support-request', id] });
      void qc.invalidateQueries({ queryKey: ['support-requests'] });
    },
  });
}
