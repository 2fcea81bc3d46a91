import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SetUserDisabled, User } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  /** Disabling a user also revokes every session it has, effective on its next request. */
  async setDisabled(userId: string, change: SetUserDisabled, actorId: string): Promise<User> {
    if (userId === actorId && change.disabled) throw new AppError('CANNOT_DISABLE_SELF');
    return inTransaction(this.db, async (m) => {
      if (!(await this.auth.lockUser(m, userId))) throw AppError.notFound('user', userId);
      const before = await this.auth.findUser(userId, m);
      await this.auth.updateUser(
        m,
        userId,
        change.disabled ? { disabledAt: new Date(), disabledReason: change.reason ?? null } : { disabledAt: null, disabledReason: null },
      );
      const revoked = change.disabled ? await this.auth.revokeAllSessions(m, userId) : 0;
      const after = (await this.auth.findUser(userId, m))!;
      await this.audit.record(m, {
        entity: 'user',
        entityId: userId,
        action: change.disabled ? 'user.disabled' : 'user.enabled',
        before,
        after: { ...after, reason: change.reason ?? null, sessionsRevoked: revoked },
      });
      return after;
    });
  }
}
