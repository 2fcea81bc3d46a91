import { IndustrySchema, pageOf, PoliciesResponseSchema, ProductLineSchema, ProductSchema, RegionSchema, SegmentSchema, type SegmentQuery } from '@partnerline/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getParsed } from './request';

// Reference data changes rarely: cache it for ten minutes.
const REFERENCE = 600_000;

export const industriesQueryOptions = () => queryOptions({ queryKey: ['industries'], queryFn: () => getParsed(z.array(IndustrySchema), '/industries'), staleTime: REFERENCE });
export const regionsQueryOptions = () => queryOptions({ queryKey: ['regions'], queryFn: () => getParsed(z.array(RegionSchema), '/regions'), staleTime: REFERENCE });
export const productsQueryOptions = () => queryOptions({ queryKey: ['products'], queryFn: () => getParsed(z.array(ProductSchema), '/products'), staleTime: REFERENCE });
export const productLinesQueryOptions = () => queryOptions({ queryKey: ['product-lines'], queryFn: () => getParsed(z.array(ProductLineSchema), '/product-lines'), staleTime: REFERENCE });
export const policiesQueryOptions = () => queryOptions({ queryKey: ['policies'], queryFn: () => getParsed(PoliciesResponseSchema, '/policies') });

export type SegmentFilters = Partial<Pick<SegmentQuery, 'industryId' | 'regionId' | 'strategy'>> & { page: number; pageSize: number };
const SegmentPageSchema = pageOf(SegmentSchema);
export const segmentsQueryOptions = (f: SegmentFilters) =>
  queryOptions({ queryKey: ['segments', f], queryFn: () => getParsed(SegmentPageSchema, '/segments', f), placeholderData: keepPreviousData });
