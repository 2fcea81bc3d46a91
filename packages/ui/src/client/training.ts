import {
  CertificationPageSchema,
  CertificationPathSchema,
  CertificationSchema,
  type CertificationStatus,
  CertificationVerificationSchema,
  CourseDetailSchema,
  type CourseStatus,
  CourseSummarySchema,
  type CourseTrack,
  EnrolmentListItemSchema,
  type JobRole,
  QualificationReviewPageSchema,
  QualificationReviewSchema,
  QualificationSchema,
  SupportAssigneeSchema,
  type SupportKind,
  SupportRequestPageSchema,
  SupportRequestSchema,
  type SupportStatus,
  SupportThreadSchema,
} from '@partnerline/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getParsed } from './request';

/** The vendor's queues (certificates, reviews, support requests) are paged on the server: one page of this size, with the total. */
export const QUEUE_PAGE_SIZE = 25;

// ── Courses and enrolments ────────────────────────────────────────────────────

export type CourseFilters = { track?: CourseTrack; jobRole?: JobRole; productLineId?: string; status?: CourseStatus; q?: string };
/** The course catalogue (partners: the published courses and their own enrolment in each). */
export const coursesQueryOptions = (f: CourseFilters = {}) =>
  queryOptions({ queryKey: ['courses', f], queryFn: () => getParsed(z.array(CourseSummarySchema), '/courses', f), placeholderData: keepPreviousData });
export const courseQueryOptions = (id: string) => queryOptions({ queryKey: ['course', id], queryFn: () => getParsed(CourseDetailSchema, `/courses/${id}`) });
/** The team's enrolments (partner admin) or the caller's own. */
export const enrolmentsQueryOptions = () => queryOptions({ queryKey: ['enrolments'], queryFn: () => getParsed(z.array(EnrolmentListItemSchema), '/enrolments') });

// ── Certification paths, certificates, qualification ─────────────────────────

export const pathsQueryOptions = () => queryOptions({ queryKey: ['certification-paths'], queryFn: () => getParsed(z.array(CertificationPathSchema), '/certification-paths') });

export type CertificationFilters = { partnerId?: string; userId?: string; status?: CertificationStatus; expiringWithinDays?: number };
/** Certificates as a whole (capped) list: vendor staff all, partner admin the team's, partner user their own. */
export const certificationsQueryOptions = (f: CertificationFilters = {}) =>
  queryOptions({ queryKey: ['certifications', f], queryFn: () => getParsed(z.array(CertificationSchema), '/certifications', f), placeholderData: keepPreviousData });
export const certificationsPageQueryOptions = (f: CertificationFilters, page: number) =>
  queryOptions({
    queryKey: ['certifications', 'page', f, page],
    queryFn: () => getParsed(CertificationPageSchema, '/certifications', { ...f, page, pageSize: QUEUE_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
/** Public verification of a certificate code (no login). */
export const verificationQueryOptions = (code: string) =>
  queryOptions({ queryKey: ['verify', code], queryFn: () => getParsed(CertificationVerificationSchema, `/certifications/verify/${encodeURIComponent(code)}`), retry: false });
/** The printable certificate, in the UI language (an HTML page, not parsed). */
export const certificateDocumentUrl = (id: string, lang: string) => `/api/certifications/${id}/document?lang=${lang === 'zh-CN' ? 'zh-CN' : 'en'}`;

export const agreementQualificationQueryOptions = (agreementId: string) =>
  queryOptions({ queryKey: ['qualification', 'agreement', agreementId], queryFn: () => getParsed(QualificationSchema, `/agreements/${agreementId}/qualification`) });
export const partnerQualificationQueryOptions = (partnerId: string) =>
  queryOptions({ queryKey: ['qualification', 'partner', partnerId], queryFn: () => getParsed(z.array(QualificationSchema), '/qualification', { partnerId }) });

export type ReviewFilters = { partnerId?: string; status?: 'scheduled' | 'completed'; overdue?: 'true' };
/** Qualification reviews as a whole (capped) list; partners see their own organisation's. */
export const reviewsQueryOptions = (f: ReviewFilters = {}) =>
  queryOptions({ queryKey: ['qualification-reviews', f], queryFn: () => getParsed(z.array(QualificationReviewSchema), '/qualification-reviews', f), placeholderData: keepPreviousData });
export const reviewsPageQueryOptions = (f: ReviewFilters, page: number) =>
  queryOptions({
    queryKey: ['qualification-reviews', 'page', f, page],
    queryFn: () => getParsed(QualificationReviewPageSchema, '/qualification-reviews', { ...f, page, pageSize: QUEUE_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
export const reviewQueryOptions = (id: string) => queryOptions({ queryKey: ['qualification-review', id], queryFn: () => getParsed(QualificationReviewSchema, `/qualification-reviews/${id}`) });

// ── Support requests ──────────────────────────────────────────────────────────

export type SupportFilters = { status?: SupportStatus; kind?: SupportKind; partnerId?: string; assigneeId?: string };
/** Support requests as a whole (capped) list; partners see their own organisation's. */
export const supportRequestsQueryOptions = (f: SupportFilters = {}) =>
  queryOptions({ queryKey: ['support-requests', f], queryFn: () => getParsed(z.array(SupportRequestSchema), '/support-requests', f), placeholderData: keepPreviousData });
export const supportRequestsPageQueryOptions = (f: SupportFilters, page: number) =>
  queryOptions({
    queryKey: ['support-requests', 'page', f, page],
    queryFn: () => getParsed(SupportRequestPageSchema, '/support-requests', { ...f, page, pageSize: QUEUE_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
export const supportThreadQueryOptions = (id: string) => queryOptions({ queryKey: ['support-request', id], queryFn: () => getParsed(SupportThreadSchema, `/support-requests/${id}`) });
export const supportAssigneesQueryOptions = () =>
  queryOptions({ queryKey: ['support-assignees'], queryFn: () => getParsed(z.array(SupportAssigneeSchema), '/support-requests/assignees'), staleTime: 300_000 });
