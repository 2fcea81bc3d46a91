import type { Industry, PoliciesResponse, Region, Segment, SegmentQuery, UpdateSegment } from '@partnerline/domain';
import { apiFetch } from '@partnerline/ui';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const industriesQueryOptions = () => queryOptions({ queryKey: ['industries'], queryFn: () => apiFetch<Industry[]>('/industries'), staleTime: 600_000 });
export const regionsQueryOptions = () => queryOptions({ queryKey: ['regions'], queryFn: () => apiFetch<Region[]>('/regions'), staleTime: 600_000 });
export const policiesQueryOptions = () => queryOptions({ queryKey: ['policies'], queryFn: () => apiFetch<PoliciesResponse>('/policies') });

export type SegmentFilters = Partial<Pick<SegmentQuery, 'industryId' | 'regionId' | 'strategy'>> & { page: number; pageSize: number };

export const segmentsQueryOptions = (f: SegmentFilters) =>
  queryOptions({
    queryKey: ['segments', f],
    queryFn: () => apiFetch<{ items: Segment[]; total: number; page: number; pageSize: number }>('/segments', { query: f }),
    placeholderData: keepPreviousData,
  });

export function useUpdateSegment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateSegment }) => apiFetch<Segment>(`/segments/${id}`, { method: 'PATCH', body: change }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['segments'] }),
  });
}

export { regionOptions } from '@partnerline/ui';
