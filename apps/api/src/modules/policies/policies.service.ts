import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_POLICIES, isValidTimeZone, type Policies, type PoliciesResponse, PoliciesSchema } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import { setBusinessTimeZone } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { recomputeSegmentStrategies } from '../catalog/segment-strategy.sync';
import { PoliciesRepository } from './policies.repository';

/** The single source of every configurable default. Read per use (cheap), so all instances agree. */
/** How long a policies read outside a transaction may be reused (ms). */
const FRESH_MS = 1000;

@Injectable()
export class PoliciesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PoliciesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: PoliciesRepository,
    private readonly users: AuthRepository,
    private readonly catalog: CatalogRepository,
    private readonly audit: AuditService,
  ) {}

  /** The business clock runs in the policy time zone from start-up on. */
  async onApplicationBootstrap() {
    try {
      this.applyTimeZone(await this.get());
    } catch (err) {
      // A database without the policies table yet (first start) keeps the default zone.
      this.logger.warn(`business time zone stays at its default: ${(err as Error).message}`);
    }
  }

  private applyTimeZone(policies: Policies) {
    const zone = policies.display.defaultTimeZone;
    if (isValidTimeZone(zone)) setBusinessTimeZone(zone);
  }

  /** The last stored row parsed, by its JSON text: every call still reads the row, only the parse is reused. */
  private parsed: { text: string; policies: Policies } | null = null;

  /** The last read outside a transaction, reused for up to FRESH_MS (this instance forgets it when it saves policies). */
  private recent: { at: number; policies: Policies } | null = null;
  /** Bumped by every save: a read started before it is not cached. */
  private generation = 0;

  /**
   * The policies in force. Inside a transaction (a manager given) always read from the database; otherwise a read at
   * most one second old may be reused — a change made on another API instance is seen within that second.
   */
  async get(manager?: EntityManager): Promise<Policies> {
    if (!manager && this.recent && performance.now() - this.recent.at < FRESH_MS) return this.recent.policies;
    const generation = this.generation;
    const row = await this.repo.read(manager ?? this.db.manager);
    const policies = row ? this.merged(row.value) : DEFAULT_POLICIES;
    // A read that began before this instance saved policies must not be kept after the save.
    if (!manager && generation === this.generation) this.recent = { at: performance.now(), policies };
    return policies;
  }

  /** Stored values are merged over the defaults, so a policy added by a later release has a value. */
  private merged(value: unknown): Policies {
    const text = JSON.stringify(value);
    if (this.parsed?.text !== text) {
      const merged = PoliciesSchema.safeParse(deepMerge(DEFAULT_POLICIES, value as Partial<Policies>));
      this.parsed = { text, policies: merged.success ? merged.data : DEFAULT_POLICIES };
    }
    return this.parsed.policies;
  }

  async read(manager: EntityManager = this.db.manager): Promise<PoliciesResponse> {
    const row = await this.repo.read(manager);
    if (!row) return { policies: DEFAULT_POLICIES, updatedAt: null, updatedBy: null };
    const by = row.updatedBy ? await this.users.findUser(row.updatedBy, manager) : null;
    return {
      policies: this.merged(row.value),
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: by?.email ?? null,
    };
  }

  async update(next: Policies, actorId: string): Promise<PoliciesResponse> {
    this.recent = null;
    this.generation++;
    // The policy time zone drives the business clock: refuse a name the clock cannot use.
    const zone = next.display.defaultTimeZone;
    if (!isValidTimeZone(zone)) throw new AppError('POLICY_UNKNOWN_TIME_ZONE', { timeZone: zone }, { field: 'display.defaultTimeZone' });
    const saved = await inTransaction(this.db, async (m) => {
      await this.repo.lock(m);
      const before = await this.get(m);
      await this.repo.save(m, next, actorId);
      const t = next.segments;
      if (t.highPotentialAt !== before.segments.highPotentialAt || t.hardDifficultyAt !== before.segments.hardDifficultyAt) {
        await recomputeSegmentStrategies(this.catalog, m, t);
      }
      await this.audit.record(m, { entity: 'policies', entityId: '1', action: 'policies.updated', before, after: next });
      return this.read(m);
    });
    this.recent = null;
    this.generation++;
    this.applyTimeZone(saved.policies);
    return saved;
  }
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (Array.isArray(over) || typeof over !== 'object' || over === null) return over === undefined ? base : over;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge((base as Record<string, unknown>)[k], v);
  return out;
}
