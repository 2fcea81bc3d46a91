import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncidentInput } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface IncidentRow {
  id: string;
  partner_id: string;
  occurred_on: string;
  severity: 'minor' | 'major' | 'critical';
  category: 'service' | 'complaint' | 'reputation' | 'compliance';
  summary: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
}

const SELECT = `
  SELECT i.id, i.partner_id, i.occurred_on::text AS occurred_on, i.severity, i.category, i.summary,
         i.recorded_by, u.display_name AS recorded_by_name, i.recorded_at
    FROM partner_incidents i JOIN users u ON u.id = i.recorded_by`;

/** The partners module's table partner_incidents: service, complaint, reputation and compliance incidents of a partner. */
@Injectable()
export class IncidentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A partner's incidents, newest first (occurred_on DESC, then recorded). */
  async ofPartner(partnerId: string, m: EntityManager = this.db.manager): Promise<IncidentRow[]> {
    return m.query(`${SELECT} WHERE i.partner_id = $1 ORDER BY i.occurred_on DESC, i.recorded_at DESC, i.id`, [partnerId]);
  }

  /** A partner's incidents that occurred in [from, to] (business dates), oldest first. */
  async between(partnerId: string, from: string, to: string, m: EntityManager = this.db.manager): Promise<IncidentRow[]> {
    return m.query(
      `${SELECT} WHERE i.partner_id = $1 AND i.occurred_on BETWEEN $2::date AND $3::date ORDER BY i.occurred_on, i.recorded_at, i.id`,
      [partnerId, from, to],
    );
  }

  async insert(m: EntityManager, partnerId: string, input: IncidentInput, recordedBy: string): Promise<IncidentRow> {
    const [{ id }]: { id: string }[] = await m.query(
      `INSERT INTO partner_incidents (partner_id, occurred_on, severity, category, summary, recorded_by)
       VALUES ($1, $2::date, $3, $4, $5, $6) RETURNING id`,
      [partnerId, input.occurredOn, input.severity, input.category, input.summary, recordedBy],
    );
    const [row]: IncidentRow[] = await m.query(`${SELECT} WHERE i.id = $1`, [id]);
    return row;
  }
}
