import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JobRole, Locale, Role } from '@partnerline/domain';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { name: 'password_hash', select: false }) passwordHash: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text') role: Role;
  @Column('text', { name: 'job_role', nullable: true }) jobRole: JobRole | null;
  @Column('uuid', { name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column('text') locale: Locale;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt: Date | null;
  @Column('text', { name: 'disabled_reason', nullable: true }) disabledReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
