import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PartnerStatus, PartnerType } from '@partnerline/domain';

@Entity('partners')
export class PartnerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;
  @Column('text') type: PartnerType;
  @Column('text') status: PartnerStatus;
  @Column('text', { name: 'tax_id' }) taxId: string;
  @Column('text', { nullable: true }) domain: string | null;
  @Column('uuid', { name: 'region_id', nullable: true }) regionId: string | null;
  @Column('uuid', { name: 'manager_id', nullable: true }) managerId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
