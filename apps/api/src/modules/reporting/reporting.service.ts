import { Injectable } from '@nestjs/common';
import { type AdminHomeCounts, expiringWindowDays, type PortalHomeCounts, type Scope } from '@partnerline/domain';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { PoliciesService } from '../policies/policies.service';
import { ReportingRepository } from './reporting.repository';

/** Home-page counts (and, later, the leadership view): read-only aggregates in the caller's scope. */
@Injectable()
export class ReportingService {
  constructor(
    private readonly repo: ReportingRepository,
    private readonly policies: PoliciesService,
  ) {}

  adminHome(scope: Scope): Promise<AdminHomeCounts> {
    return this.repo.adminHome(scope, businessToday());
  }

  /** Partner callers only: the scope is always their own organisation. */
  async portalHome(user: AuthenticatedUser, partnerId: string): Promise<PortalHomeCounts> {
    const { training } = await this.policies.get();
    return this.repo.portalHome({
      partnerId,
      userId: user.id,
      ownCertificatesOnly: user.role === 'partner_user',
      today: businessToday(),
      expiringWithinDays: expiringWindowDays(training.certificationReminderDays),
    });
  }
}
