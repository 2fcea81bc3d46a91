import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PartnerApplication } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from './partners.repository';

export function applicationReference(partnerId: string): string {
  return `PL-${partnerId.slice(0, 8).toUpperCase()}`;
}

/** The public application: creates the partner in `applied`, its requested segments and the applicant's account. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: PartnersRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async apply(a: PartnerApplication): Promise<{ partnerId: string; reference: string }> {
    const passwordHash = await hashPassword(a.account.password);
    return inTransaction(this.db, async (m) => {
      // One organisation per tax id and per domain: point a second applicant at the first application.
      const [existing] = await m.query(
        `SELECT id, applied_at, status, (upper(tax_id) = upper($1)) AS same_tax FROM partners WHERE upper(tax_id) = upper($1) OR lower(domain) = lower($2) ORDER BY applied_at LIMIT 1`,
        [a.taxId, a.domain],
      );
      if (existing) {
        const field = existing.same_tax ? 'taxId' : 'domain';
        const reference = applicationReference(existing.id);
        throw AppError.conflict(
          `An application for this ${field === 'taxId' ? 'tax id' : 'domain'} already exists (reference ${reference}, submitted ${(existing.applied_at as Date).toISOString().slice(0, 10)}). Sign in with the account that submitted it to follow it, or contact your channel manager.`,
          { field, reference, appliedAt: (existing.applied_at as Date).toISOString(), status: existing.status },
        );
      }
      const [emailTaken] = await m.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [a.account.email]);
      if (emailTaken) throw AppError.conflict('An account with this email already exists; sign in instead, or use another email.', { field: 'account.email' });

      const ids = [...new Set(a.desiredSegments.flatMap((s) => [s.industryId, s.regionId]).concat(a.regionId))];
      const found: { id: string }[] = await m.query(`SELECT id FROM industries WHERE id = ANY($1::uuid[]) UNION ALL SELECT id FROM regions WHERE id = ANY($1::uuid[])`, [ids]);
      const missing = ids.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) throw AppError.unprocessable(`Unknown industry or region: ${missing.join(', ')}`, { missing });

      const [partner] = await m.query(
        `INSERT INTO partners (name, name_en, type, status, tax_id_kind, tax_id, domain, region_id, headcount, annual_revenue, years_trading,
                               business_lines, existing_vendors, cash_flow, person_in_charge, contacts, declarations)
         VALUES ($1, $2, $3, 'applied', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [a.companyName, a.companyNameEn ?? null, a.type, a.taxIdKind, a.taxId, a.domain, a.regionId, a.headcount, a.annualRevenue, a.yearsTrading,
          a.businessLines, a.existingVendors, JSON.stringify(a.cashFlow), JSON.stringify(a.personInCharge), JSON.stringify(a.contacts), JSON.stringify(a.declarations)],
      );
      const partnerId = partner.id as string;
      for (const s of a.desiredSegments) {
        await m.query(`INSERT INTO partner_segment_requests (partner_id, industry_id, region_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [partnerId, s.industryId, s.regionId]);
      }
      const [user] = await m.query(
        `INSERT INTO users (email, password_hash, display_name, role, partner_id, locale) VALUES ($1, $2, $3, 'partner_admin', $4, $5) RETURNING id`,
        [a.account.email, passwordHash, a.account.displayName, partnerId, a.account.locale],
      );
      await m.query(`INSERT INTO partner_status_history (partner_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'applied', $2)`, [partnerId, user.id]);
      const { account: _account, ...facts } = a;
      await this.audit.record(m, { entity: 'partner', entityId: partnerId, action: 'partner.applied', after: facts, actor: { id: user.id, email: a.account.email } });
      await this.notifications.notify(m, {
        userIds: await this.repo.vendorScreeners(m),
        kind: 'application.submitted',
        params: { partner: a.companyName, type: a.type },
        link: `/admin/partners/${partnerId}`,
      });
      return { partnerId, reference: applicationReference(partnerId) };
    });
  }
}
