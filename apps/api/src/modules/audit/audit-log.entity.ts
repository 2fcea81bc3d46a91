import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger refuses UPDATE and DELETE on this table. */
@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'timestamptz', name: 'occurred_at', insert: false, update: false }) occurredAt: Date;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_email', nullable: true }) actorEmail: string | null;
  @Column('text') entity: string;
  @Column('text', { name: 'entity_id' }) entityId: string;
  @Column('text') action: string;
  @Column('jsonb', { nullable: true }) before: object | null;
  @Column('jsonb', { nullable: true }) after: object | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
}
