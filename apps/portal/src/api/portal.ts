import {
  ApplicationResultSchema,
  CreatedSchema,
  InvitationAcceptedSchema,
  InviteResultSchema,
  type PartnerApplication,
  type PartnerUser,
  RegistrationCreatedSchema,
  RegistrationDetailSchema,
  type RegistrationInput,
  RegistrationRequirementsSchema,
} from '@partnerline/domain';
import { agreementsQueryOptions, ApiError, apiFetch, getParsed, partnerQueryOptions, registrationsQueryOptions, sendForm, sendParsed, sendVoid } from '@partnerline/ui';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export {
  agreementQueryOptions,
  evidenceQueryOptions,
  industriesQueryOptions,
  productLinesQueryOptions,
  productsQueryOptions,
  regionOptions,
  regionsQueryOptions,
  registrationQueryOptions,
} from '@partnerline/ui';
export type { EvidenceFile, RegistrationDetail, RegistrationListItem } from '@partnerline/domain';
export type { PartnerUser };

/** The caller's own organisation (the API answers 404 for any other). */
export const myPartnerQueryOptions = (partnerId: string) => partnerQueryOptions(partnerId);
/** The organisation's agreements (a partner has a handful; one page holds them all). */
export const myAgreementsQueryOptions = () => agreementsQueryOptions({ page: 1, pageSize: 200 });
/** The organisation's registrations. */
export const myRegistrationsQueryOptions = () => registrationsQueryOptions({ page: 1, pageSize: 200 });

export function useApply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: PartnerApplication) => sendParsed(ApplicationResultSchema, '/partner-applications', 'POST', a),
    onSuccess: (r) => qc.setQueryData(['auth', 'me'], r.user),
  });
}

export function useAnswer(partnerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, answer }: { requestId: string; answer: string }) => sendVoid(`/partners/${partnerId}/info-requests/${requestId}/answer`, 'POST', { answer }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['partner', partnerId] }),
  });
}

export function useInvite(partnerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; displayName: string; jobRole: 'sales' | 'presales' | 'service' }) => sendParsed(InviteResultSchema, `/partners/${partnerId}/users`, 'POST', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['partner', partnerId] }),
  });
}

export function useSetMemberDisabled(partnerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, disabled }: { userId: string; disabled: boolean }) => sendVoid(`/partners/${partnerId}/users/${userId}/disable`, 'POST', { disabled }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['partner', partnerId] }),
  });
}

export function useAcceptInvitation() {
  return useMutation({ mutationFn: (body: { token: string; password: string }) => sendParsed(InvitationAcceptedSchema, '/invitations/accept', 'POST', body) });
}

/** A registration's lifecycle actions; the screen re-reads the registration afterwards, so the answers are not used. */
export function useRegistrationAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'submit' | 'extend' | 'won' | 'lost' | 'withdraw'; body?: unknown }) => apiFetch<unknown>(`/deal-registrations/${id}/${action}`, { method: 'POST', body: body ?? {} }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['registration', id] });
      void qc.invalidateQueries({ queryKey: ['registrations'] });
    },
  });
}

/** What a registration in a segment needs: the covering agreement and the evidence its standard requires. */
export const registrationRequirementsQueryOptions = (industryId: string | null, regionId: string | null) =>
  queryOptions({
    queryKey: ['registration-requirements', industryId, regionId],
    queryFn: () => getParsed(RegistrationRequirementsSchema, '/deal-registrations/requirements', { industryId, regionId }),
    enabled: !!industryId && !!regionId,
  });

/** Multipart upload of one evidence file (refusals are ApiErrors in the API's error shape). */
function uploadEvidence(id: string, kind: string, file: File) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file);
  return sendForm(CreatedSchema, `/deal-registrations/${id}/evidence`, form);
}

/**
 * The one-screen form's "Submit" (or "Save as draft"): without files one request creates and submits; with files the
 * draft is created, the files uploaded, then submitted (the agreement's evidence may be in the files). Answers the
 * registration as stored, so the page can say what happened. A failure after the draft exists carries its id.
 */
export function useRegisterOpportunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, files, submit }: { input: RegistrationInput; files: { kind: string; file: File }[]; submit: boolean }) => {
      let id: string;
      if (submit && !files.length) {
        id = (await sendParsed(RegistrationCreatedSchema, '/deal-registrations?submit=true', 'POST', input)).id;
      } else {
        id = (await sendParsed(CreatedSchema, '/deal-registrations', 'POST', input)).id;
        try {
          for (const f of files) await uploadEvidence(id, f.kind, f.file);
          if (submit) await apiFetch<unknown>(`/deal-registrations/${id}/submit`, { method: 'POST', body: {} });
        } catch (e) {
          if (e instanceof ApiError) throw new ApiError(e.status, e.code, e.message, e.issues, { ...e.details, registrationId: id });
          throw e;
        }
      }
      return getParsed(RegistrationDetailSchema, `/deal-registrations/${id}`);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['registrations'] }),
  });
}

/** Adds an evidence file to a registration. */
export function useUploadEvidence(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: string; file: File }) => uploadEvidence(id, kind, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registration', id] }),
  });
}
