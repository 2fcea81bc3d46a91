import { QUEUE_PAGE_SIZE } from '../../../api/training';

/**
 * DataTable props for a queue paged on the server (certificates, reviews, support requests): the page the API
 * returned, the pager over the server's total and its "1–25 / N items" text, with the tables' common look.
 */
export function serverPaging<T>(
  data: { items: T[]; total: number } | undefined,
  page: number,
  onPageChange: (page: number) => void,
  totalText: (count: number) => string,
) {
  return {
    withTableBorder: true,
    borderRadius: 'md',
    highlightOnHover: true,
    minHeight: 200,
    records: data?.items ?? [],
    totalRecords: data?.total ?? 0,
    recordsPerPage: QUEUE_PAGE_SIZE,
    page,
    onPageChange,
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
      `${from}–${to} / ${totalText(totalRecords)}`,
  } as const;
}
