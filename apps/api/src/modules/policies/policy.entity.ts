import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Policies } from '@partnerline/domain';

@Entity('policies')
export class PolicyEntity {
  @PrimaryColumn('smallint') id: number;
  @Column('jsonb') value: Policies;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}
