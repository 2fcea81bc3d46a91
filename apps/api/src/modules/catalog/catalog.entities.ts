import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ChannelStrategy, RegionLevel } from '@partnerline/domain';

@Entity('industries')
export class IndustryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text', { name: 'name_zh' }) nameZh: string;
  @Column('text', { name: 'name_en' }) nameEn: string;
}

@Entity('regions')
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('text') level: RegionLevel;
  @Column('text') path: string;
  @Column('text', { name: 'name_zh' }) nameZh: string;
  @Column('text', { name: 'name_en' }) nameEn: string;
}

@Entity('segments')
export class SegmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'industry_id' }) industryId: string;
  @Column('uuid', { name: 'region_id' }) regionId: string;
  @Column('smallint', { name: 'market_potential' }) marketPotential: number;
  @Column('smallint', { name: 'expansion_difficulty' }) expansionDifficulty: number;
  @Column('text') strategy: ChannelStrategy;
  @Column('text', { nullable: true }) notes: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('product_lines')
export class ProductLineEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text', { name: 'name_zh' }) nameZh: string;
  @Column('text', { name: 'name_en' }) nameEn: string;
}

@Entity('products')
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') sku: string;
  @Column('uuid', { name: 'product_line_id' }) productLineId: string;
  @Column('text', { name: 'name_zh' }) nameZh: string;
  @Column('text', { name: 'name_en' }) nameEn: string;
  /** numeric comes back from pg as a string: exact decimal, never a float. */
  @Column('numeric', { name: 'list_price', precision: 18, scale: 2 }) listPrice: string;
  @Column('boolean') standard: boolean;
}
