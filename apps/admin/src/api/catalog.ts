import { SegmentSchema, type UpdateSegment } from '@partnerline/domain';
import { sendParsed } from '@partnerline/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export { industriesQueryOptions, policiesQueryOptions, regionOptions, regionsQueryOptions, type SegmentFilters, segmentsQueryOptions } from '@partnerline/ui';

export function useUpdateSegment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateSegment }) => sendParsed(SegmentSchema, `/segments/${id}`, 'PATCH', change),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['segments'] }),
  });
}
