import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminHomeCounts, PortalHomeCounts, Scope } from '@partnerline/domain';
import { DataSource } from 'typeorm';

/**
 * Read-only aggregates for dashboards and home pages.
 *
 * The one documented exception to "a table has one owning module": reporting owns views and aggregates, so
 * this repository may READ other modules' tables (partners, deal_registrations, conflicts, qualification_reviews,
 * support_requests, agreements, enrolments, certifications) with COUNT queries. It never writes, and no other
 * module reads through it. Business dates come in as parameters (the business clock), never `current_date`.
 */
@Injectable()
export class ReportingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The vendor home counts. A manager scope counts only the partners assigned to that channel manager. */
  async adminHome(scope: Scope, today: string): Promise<AdminHomeCounts> {
    const params: unknown[] = [today];
    const partnerFilter = (col: string): string => {
      if (scope.kind === 'partner') return `AND ${col} = $${params.push(scope.partnerId)}::uuid`;
      if (scope.kind === 'manager') return `AND ${col} IN (SELECT id FROM partners WHERE manager_id = $${params.push(scope.managerId)}::uuid)`;
      return '';
    };
    // One round trip: each sub-select is a COUNT served by the module's own indexes.
    const sql = `SELECT
        (SELECT count(*)::int FROM partners p WHERE p.status = 'applied' ${partnerFilter('p.id')}) AS applied,
        (SELECT count(*)::int FROM partners p WHERE p.status = 'screening' ${partnerFilter('p.id')}) AS screening,
        (SELECT count(*)::int FROM partners p WHERE p.status = 'trial' ${partnerFilter('p.id')}) AS trial,
        (SELECT count(*)::int FROM partners p WHERE p.status = 'active' ${partnerFilter('p.id')}) AS active,
        (SELECT count(*)::int FROM deal_registrations r WHERE r.status = 'in_review' ${partnerFilter('r.partner_id')}) AS in_review,
        (SELECT count(*)::int FROM conflicts c JOIN deal_registrations r ON r.id = c.registration_id WHERE c.status = 'open' ${partnerFilter('r.partner_id')}) AS open_conflicts,
        (SELECT count(*)::int FROM qualification_reviews q WHERE q.status = 'scheduled' AND q.due_on < $1::date ${partnerFilter('q.partner_id')}) AS overdue_reviews,
        (SELECT count(*)::int FROM support_requests s WHERE s.status = 'open' ${partnerFilter('s.partner_id')}) AS new_support`;
    const [r] = await this.db.query(sql, params);
    return {
      partners: { applied: r.applied, screening: r.screening, trial: r.trial, active: r.active },
      registrationsInReview: r.in_review,
      openConflicts: r.open_conflicts,
      overdueReviews: r.overdue_reviews,
      newSupportRequests: r.new_support,
    };
  }

  /**
   * A partner's home counts, always confined to one organisation. `userId` is the caller (their own courses);
   * `ownCertificatesOnly` narrows certificates to the caller (a partner user), as the certificates list does.
   */
  async portalHome(q: { partnerId: string; userId: string; ownCertificatesOnly: boolean; today: string; expiringWithinDays: number }): Promise<PortalHomeCounts> {
    const [r] = await this.db.query(
      `SELECT
        (SELECT count(*)::int FROM agreements a WHERE a.partner_id = $1 AND a.status = 'active') AS active_agreements,
        (SELECT count(*)::int FROM enrolments e WHERE e.user_id = $2 AND e.status = 'in_progress') AS in_progress,
        (SELECT count(*)::int FROM certifications c
          WHERE c.partner_id = $1 AND ($3::boolean = false OR c.user_id = $2) AND c.revoked_at IS NULL
            AND c.expires_on >= $4::date AND c.expires_on <= $4::date + $5::int) AS expiring,
        (SELECT count(*)::int FROM support_requests s WHERE s.partner_id = $1 AND s.status <> 'closed') AS open_support,
        (SELECT count(*)::int FROM deal_registrations r WHERE r.partner_id = $1 AND r.status IN ('submitted', 'in_review', 'in_conflict', 'approved')) AS reg_open,
        (SELECT count(*)::int FROM deal_registrations r WHERE r.partner_id = $1 AND r.status = 'approved'
            AND r.protection_ends >= $4::date AND r.protection_ends <= $4::date + 30) AS reg_expiring,
        (SELECT count(*)::int FROM deal_registrations r WHERE r.partner_id = $1 AND r.status = 'draft') AS reg_drafts`,
      [q.partnerId, q.userId, q.ownCertificatesOnly, q.today, q.expiringWithinDays],
    );
    return {
      activeAgreements: r.active_agreements,
      coursesInProgress: r.in_progress,
      certificatesExpiring: r.expiring,
      openSupportRequests: r.open_support,
      registrations: { open: r.reg_open, protectionExpiring: r.reg_expiring, needingAction: r.reg_drafts },
    };
  }
}
