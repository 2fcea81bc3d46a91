import { z } from 'zod';
import { UuidSchema } from '../common/common.schema.js';

export const RegionLevelSchema = z.enum(['country', 'province', 'city']);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

export const IndustrySchema = z.object({ id: UuidSchema, code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type Industry = z.infer<typeof IndustrySchema>;

export const RegionSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  parentId: UuidSchema.nullable(),
  level: RegionLevelSchema,
  nameZh: z.string(),
  nameEn: z.string(),
});
export type Region = z.infer<typeof RegionSchema>;

export const ChannelStrategySchema = z.enum(['direct', 'strategic', 'smb', 'nurture']);
export type ChannelStrategy = z.infer<typeof ChannelStrategySchema>;

const ScoreSchema = z
  .number()
  .int({ message: 'validation.segment_score' })
  .min(0, { message: 'validation.segment_score' })
  .max(100, { message: 'validation.segment_score' });

export const SegmentSchema = z.object({
  id: UuidSchema,
  industryId: UuidSchema,
  regionId: UuidSchema,
  industryNameZh: z.string(),
  industryNameEn: z.string(),
  regionNameZh: z.string(),
  regionNameEn: z.string(),
  regionLevel: RegionLevelSchema,
  marketPotential: ScoreSchema,
  expansionDifficulty: ScoreSchema,
  strategy: ChannelStrategySchema,
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type Segment = z.infer<typeof SegmentSchema>;

export const SegmentQuerySchema = z.object({
  industryId: UuidSchema.optional(),
  regionId: UuidSchema.optional(),
  /** Include segments of the region's descendants too (default true when regionId is given). */
  includeDescendants: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  strategy: ChannelStrategySchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type SegmentQuery = z.infer<typeof SegmentQuerySchema>;

export const UpdateSegmentSchema = z
  .object({
    marketPotential: ScoreSchema.optional(),
    expansionDifficulty: ScoreSchema.optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'zod.required' });
export type UpdateSegment = z.infer<typeof UpdateSegmentSchema>;

export const ProductLineSchema = z.object({ id: UuidSchema, code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type ProductLine = z.infer<typeof ProductLineSchema>;

export const ProductSchema = z.object({
  id: UuidSchema,
  sku: z.string(),
  productLineId: UuidSchema,
  productLineCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  listPrice: z.string(),
  standard: z.boolean(),
});
export type Product = z.infer<typeof ProductSchema>;
