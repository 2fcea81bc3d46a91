import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Incident, IncidentInput } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { type IncidentRow, IncidentsRepository } from './incidents.repository';
import { PartnersRepository } from './partners.repository';

const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  partnerId: r.partner_id,
  occurredOn: r.occurred_on,
  severity: r.severity,
  category: r.category,
  summary: r.summary,
  recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
  recordedAt: new Date(r.recorded_at).toISOString(),
});

/**
 * Incidents a vendor manager records against a partner (service, complaint, reputation, compliance; DOMAIN §8): the
 * evidence of a renewal review's service fact. Vendor staff read and record them; a partner sees its incidents only as
 * evidence in its own renewal review (the renewals module reads them through `inTerm`).
 */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly incidents: IncidentsRepository,
    private readonly partners: PartnersRepository,
    private readonly audit: AuditService,
  ) {}

  /** The incidents of a partner that occurred in [from, to] (business dates), oldest first; `m` the caller's transaction. */
  async inTerm(partnerId: string, from: string, to: string, m: EntityManager = this.db.manager): Promise<Incident[]> {
    return (await this.incidents.between(partnerId, from, to, m)).map(toIncident);
  }

  /** A partner's incidents, newest first; 404 for an unknown partner. */
  async list(partnerId: string): Promise<{ items: Incident[] }> {
    const m = this.db.manager;
    if (!(await this.partners.statusOf(m, partnerId))) throw AppError.notFound('partner', partnerId);
    return { items: (await this.incidents.ofPartner(partnerId, m)).map(toIncident) };
  }

  /** Records an incident (not dated after `today`, the business date) with its audit row, in one transaction. */
  async record(partnerId: string, input: IncidentInput, actor: AuthenticatedUser, today: string): Promise<Incident> {
    if (input.occurredOn > today) throw new AppError('RENEWAL_INCIDENT_IN_FUTURE', { occurredOn: input.occurredOn, today });
    return inTransaction(this.db, async (m) => {
      if (!(await this.partners.statusOf(m, partnerId))) throw AppError.notFound('partner', partnerId);
      const row = await this.incidents.insert(m, partnerId, input, actor.id);
      await this.audit.record(m, {
        entity: 'partner',
        entityId: partnerId,
        action: 'partner.incident_recorded',
        after: { incidentId: row.id, occurredOn: row.occurred_on, severity: row.severity, category: row.category, summary: row.summary },
      });
      return toIncident(row);
    });
  }
}
