import { ChannelManagerSchema, PartnerDetailSchema, PartnerDirectoryPageSchema, type PartnerDirectoryQuery } from '@partnerline/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { buildUrl } from '../api';
import { getParsed } from './request';

export type DirectoryFilters = Omit<Partial<PartnerDirectoryQuery>, 'format' | 'openApplications'> & { page: number; pageSize: number; openApplications?: 'true' };

/** The partner directory (vendor staff). */
export const partnersQueryOptions = (f: DirectoryFilters) =>
  queryOptions({ queryKey: ['partners', f], queryFn: () => getParsed(PartnerDirectoryPageSchema, '/partners', f), placeholderData: keepPreviousData });

/** One partner: the vendor's partner page, or a partner's own organisation in the portal. */
export const partnerQueryOptions = (id: string) => queryOptions({ queryKey: ['partner', id], queryFn: () => getParsed(PartnerDetailSchema, `/partners/${id}`) });

export const managersQueryOptions = () => queryOptions({ queryKey: ['channel-managers'], queryFn: () => getParsed(z.array(ChannelManagerSchema), '/channel-managers'), staleTime: 300_000 });

/** The directory as CSV, for a download link (not parsed: a file). */
export function csvExportUrl(f: DirectoryFilters): string {
  const { page: _p, pageSize: _s, ...rest } = f;
  return buildUrl('/partners', { ...rest, format: 'csv' });
}
