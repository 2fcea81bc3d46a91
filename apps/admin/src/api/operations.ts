import { type JobKind, JobListSchema, JobRunListSchema, type JobRunQuery, JobRunSchema } from '@partnerline/domain';
import { getParsed, sendParsed } from '@partnerline/ui';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

/** While a run is queued or running the page refreshes this often. */
export const ACTIVE_REFRESH_MS = 3000;

export const jobsQueryOptions = () =>
  queryOptions({ queryKey: ['operations', 'jobs'], queryFn: () => getParsed(JobListSchema, '/operations/jobs') });

export const jobRunsQueryOptions = (q: Partial<JobRunQuery> = {}) =>
  queryOptions({ queryKey: ['operations', 'runs', q], queryFn: () => getParsed(JobRunListSchema, '/operations/job-runs', q) });

/** "Run now": one key per click, so a retried request (or a double submit) gives the same run. */
export function useRunJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, key }: { kind: JobKind; key: string }) =>
      sendParsed(JobRunSchema, `/operations/jobs/${kind}/run`, 'POST', { key }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['operations'] }),
  });
}
