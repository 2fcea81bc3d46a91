export const CLIENT_PAGE_SIZE = 25;

/**
 * DataTable props for a queue the API returns whole (certificates, reviews, support requests): the page of records,
 * the pager and its "1–25 / N items" text, with the tables' common look.
 */
export function clientPaging<T>(all: T[], page: number, onPageChange: (page: number) => void, totalText: (count: number) => string) {
  return {
    withTableBorder: true,
    borderRadius: 'md',
    highlightOnHover: true,
    minHeight: 200,
    records: all.slice((page - 1) * CLIENT_PAGE_SIZE, page * CLIENT_PAGE_SIZE),
    totalRecords: all.length,
    recordsPerPage: CLIENT_PAGE_SIZE,
    page,
    onPageChange,
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) => `${from}–${to} / ${totalText(totalRecords)}`,
  } as const;
}
