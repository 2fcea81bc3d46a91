import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { businessDateOf, type PartnerApplication } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import { businessTimeZone } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { hashPassword } from '../auth/password';
import { assertAcceptablePassword } from '../auth/password-policy';
import { APPLICATION_RATE_LIMIT, ThrottleService } from '../auth/throttle.service';
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
    private readonly users: AuthRepository,
    private readonly catalog: CatalogRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly throttle: ThrottleService,
  ) {}

  /** `address` is the client's (rate limit per address: when throttled, nothing is created and no hash is computed). */
  async apply(a: PartnerApplication, address: string | null): Promise<{ partnerId: string; reference: string }> {
    await this.throttle.assertWithin(APPLICATION_RATE_LIMIT, address);
    assertAcceptablePassword(a.account.password, a.account.email, ['account', 'password']);
    const passwordHash = await hashPassword(a.account.password);
    return inTransaction(this.db, async (m) => {
      // One organisation per tax id and per domain: point a second applicant at the first application.
      const existing = await this.repo.applicationMatching(m, a.taxId, a.domain);
      if (existing) {
        const field = existing.sameTax ? 'taxId' : 'domain';
        const reference = applicationReference(existing.id);
        throw new AppError(
          existing.sameTax ? 'APPLICATION_EXISTS_TAX_ID' : 'APPLICATION_EXISTS_DOMAIN',
          { reference, appliedOn: businessDateOf(existing.appliedAt, businessTimeZone()) },
          { field, reference, appliedAt: existing.appliedAt.toISOString(), status: existing.status },
        );
      }
      if (await this.users.emailTaken(m, a.account.email)) throw new AppError('ACCOUNT_EMAIL_TAKEN', {}, { field: 'account.email' });

      const ids = [...new Set(a.desiredSegments.flatMap((s) => [s.industryId, s.regionId]).concat(a.regionId))];
      const missing = await this.catalog.unknownIndustryOrRegionIds(m, ids);
      if (missing.length) throw new AppError('APPLICATION_UNKNOWN_SEGMENT', { missing: missing.join(', ') }, { missing });

      const { account, ...application } = a;
      const partnerId = await this.repo.insertApplication(m, application);
      const userId = await this.users.createUser(m, {
        email: account.email,
        passwordHash,
        displayName: account.displayName,
        role: 'partner_admin',
        partnerId,
        locale: account.locale,
      });
      await this.repo.recordStatus(m, partnerId, null, 'applied', null, userId);
      await this.audit.record(m, {
        entity: 'partner',
        entityId: partnerId,
        action: 'partner.applied',
        after: application,
        actor: { id: userId, email: account.email },
      });
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
