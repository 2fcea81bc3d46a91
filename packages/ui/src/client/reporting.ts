import { AdminHomeCountsSchema, PortalHomeCountsSchema } from '@partnerline/domain';
import { queryOptions } from '@tanstack/react-query';
import { getParsed } from './request';

/** The vendor home's counts, from the reporting module (no queue is downloaded to count it). */
export const adminHomeQueryOptions = () => queryOptions({ queryKey: ['reporting', 'home'], queryFn: () => getParsed(AdminHomeCountsSchema, '/reporting/home'), staleTime: 30_000 });
/** The partner home's counts, for the caller's own organisation. */
export const portalHomeQueryOptions = () => queryOptions({ queryKey: ['reporting', 'portal-home'], queryFn: () => getParsed(PortalHomeCountsSchema, '/reporting/portal-home'), staleTime: 30_000 });
