import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isValidTimeZone, type Login, type LoginResult, loginAttemptVerdict, type UpdateMe, type User } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { inTransaction } from '../../common/database/transaction';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { PoliciesService } from '../policies/policies.service';
import { AuthRepository, type SessionWithUser } from './auth.repository';
import { dummyPasswordHash, verifyPassword } from './password';
import { ThrottleRepository } from './throttle.repository';
import { hashSessionToken, newSessionToken } from './session-token';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

// An address gets more room than an account: offices share one address.
const IP_FAILURE_FACTOR = 4;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuthRepository,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly throttle: ThrottleRepository,
  ) {}

  async login(input: Login, client: ClientInfo): Promise<LoginResult> {
    const { auth } = await this.policies.get();
    const now = new Date();
    const windowSeconds = auth.loginWindowMinutes * 60;
    const accountKey = `login:acct:${input.email}`;
    const addressKey = `login:ip:${client.ip ?? 'unknown'}`;
    // Counted before the password is checked, atomically (row locks on the shared counters; the address row first,
    // so parallel attempts from one address are numbered in one order): 40 parallel guesses evaluate at most the limit.
    const counters = await inTransaction(this.db, async (m) => {
      const address = await this.throttle.hit(m, addressKey, now, windowSeconds);
      const account = await this.throttle.hit(m, accountKey, now, windowSeconds);
      return { accountHits: account.hits, accountResetsAt: account.resetsAt, addressHits: address.hits, addressResetsAt: address.resetsAt };
    });
    const verdict = loginAttemptVerdict(counters, now, auth.loginMaxFailures, IP_FAILURE_FACTOR);
    if (!verdict.allowed) {
      throw new AppError(
        'LOGIN_THROTTLED',
        { minutes: Math.ceil(verdict.retryAfterSeconds / 60) },
        { retryAfterSeconds: verdict.retryAfterSeconds },
      );
    }

    const credentials = await this.repo.findCredentials(input.email);
    const ok = await verifyPassword(credentials?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!credentials || !ok) {
      await this.repo.recordAttempt(this.db.manager, input.email, client.ip, false);
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (credentials.disabled) throw new AppError('USER_DISABLED');

    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + auth.sessionTtlHours * 3_600_000);
    const user = await inTransaction(this.db, async (m) => {
      await this.repo.recordAttempt(m, input.email, client.ip, true);
      // A success clears the account's count and gives the address its attempt back.
      await this.throttle.clear(m, accountKey);
      await this.throttle.release(m, addressKey);
      const sessionId = await this.repo.createSession(m, {
        userId: credentials.id,
        tokenHash: hashSessionToken(token, this.config.sessionSecret),
        expiresAt,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      const found = (await this.repo.findUser(credentials.id, m))!;
      await this.audit.record(m, {
        entity: 'session',
        entityId: sessionId,
        action: 'session.created',
        after: { userId: found.id, ip: client.ip, expiresAt },
        actor: { id: found.id, email: found.email },
      });
      return found;
    });
    return { token, expiresAt: expiresAt.toISOString(), user };
  }

  authenticate(token: string): Promise<SessionWithUser | null> {
    return this.repo.findActiveSession(hashSessionToken(token, this.config.sessionSecret));
  }

  async logout(sessionId: string): Promise<void> {
    await inTransaction(this.db, async (m) => {
      await this.repo.revokeSession(m, sessionId);
      await this.audit.record(m, { entity: 'session', entityId: sessionId, action: 'session.revoked', after: { reason: 'logout' } });
    });
  }

  async me(userId: string): Promise<User> {
    const user = await this.repo.findUser(userId);
    if (!user) throw AppError.notFound('user', userId);
    return user;
  }

  async updateMe(userId: string, change: UpdateMe): Promise<User> {
    if (change.timeZone && !isValidTimeZone(change.timeZone)) {
      throw new AppError('UNKNOWN_TIME_ZONE', { timeZone: change.timeZone }, { field: 'timeZone' });
    }
    return inTransaction(this.db, async (m) => {
      const before = await this.repo.findUser(userId, m);
      await this.repo.updateUser(m, userId, change);
      const after = (await this.repo.findUser(userId, m))!;
      await this.audit.record(m, { entity: 'user', entityId: userId, action: 'user.preferences_updated', before, after });
      return after;
    });
  }
}
