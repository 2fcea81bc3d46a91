import { AgreementDetailSchema, AmendmentCreatedSchema, type AgreementTerms, CreatedSchema } from '@partnerline/domain';
import { sendParsed, sendVoid } from '@partnerline/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export {
  type AgreementFilters,
  agreementQueryOptions,
  agreementsQueryOptions,
  previewOverlaps,
  productLinesQueryOptions,
  productsQueryOptions,
  versionsQueryOptions,
} from '@partnerline/ui';

function useInvalidate(id?: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['agreements'] });
    if (id) void qc.invalidateQueries({ queryKey: ['agreement', id] });
  };
}

export function useCreateAgreement() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (terms: AgreementTerms) => sendParsed(CreatedSchema, '/agreements', 'POST', terms), onSuccess: done });
}
export function useUpdateAgreement(id: string) {
  const done = useInvalidate(id);
  return useMutation({ mutationFn: (terms: AgreementTerms) => sendParsed(AgreementDetailSchema, `/agreements/${id}`, 'PATCH', terms), onSuccess: done });
}
export function useAmendAgreement(id: string) {
  const done = useInvalidate(id);
  return useMutation({ mutationFn: (terms: AgreementTerms) => sendParsed(AmendmentCreatedSchema, `/agreements/${id}/amend`, 'POST', terms), onSuccess: done });
}
export function useAgreementAction(id: string) {
  const done = useInvalidate(id);
  return useMutation({
    mutationFn: ({ action, body }: { action: 'submit' | 'approve' | 'reject' | 'terminate'; body?: unknown }) => sendVoid(`/agreements/${id}/${action}`, 'POST', body),
    onSuccess: done,
  });
}
