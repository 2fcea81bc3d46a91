import {
  BulkApproveResultSchema,
  RegistrationQueueCountsSchema,
  RegistrationQueuePageSchema,
  type QueueSort,
  type QueueTab,
} from '@partnerline/domain';
import { getParsed, sendParsed } from '@partnerline/ui';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

/** The review queue's filters as the URL keeps them (and the API reads them). */
export interface QueueFilters {
  status: QueueTab;
  q?: string;
  partnerId?: string;
  managerId?: string;
  industryId?: string;
  regionId?: string;
  overdue?: boolean;
  sort?: QueueSort;
  order?: 'asc' | 'desc';
}
export const QUEUE_PAGE_SIZE = 25;

const query = (f: QueueFilters) => ({
  status: f.status,
  q: f.q || undefined,
  partnerId: f.partnerId,
  managerId: f.managerId,
  industryId: f.industryId,
  regionId: f.regionId,
  overdue: f.overdue ? 'true' : undefined,
  sort: f.sort,
  order: f.order,
});

/** One page of the queue (server-side search, filters, sorting and paging). */
export const queuePageQueryOptions = (f: QueueFilters, page: number) =>
  queryOptions({
    queryKey: ['registrations', 'queue', f, page],
    queryFn: () => getParsed(RegistrationQueuePageSchema, '/deal-registrations', { ...query(f), page, pageSize: QUEUE_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

/** Rows per status tab under the same filters (exact up to 1000, then "1000+"). */
export const queueCountsQueryOptions = (f: QueueFilters) =>
  queryOptions({
    queryKey: ['registrations', 'queue-counts', { ...f, status: undefined, sort: undefined, order: undefined }],
    queryFn: () => getParsed(RegistrationQueueCountsSchema, '/deal-registrations/counts', { ...query(f), status: undefined, sort: undefined, order: undefined }),
    placeholderData: keepPreviousData,
  });

/** Approves the selected clean registrations, one approval each; answers per id. */
export function useBulkApprove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[]; comment?: string }) => sendParsed(BulkApproveResultSchema, '/deal-registrations/bulk-approve', 'POST', body),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['registrations'] }),
  });
}
