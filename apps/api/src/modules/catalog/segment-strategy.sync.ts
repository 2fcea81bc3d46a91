import { channelStrategyFor, type QuadrantThresholds } from '@partnerline/domain';
import type { EntityManager } from 'typeorm';
import { SegmentEntity } from './catalog.entities';

/**
 * Re-derives every segment's channel strategy with the domain rule (after the thresholds
 * policy changed). Runs in the caller's transaction; returns how many segments changed quadrant.
 */
export async function recomputeSegmentStrategies(manager: EntityManager, thresholds: QuadrantThresholds): Promise<number> {
  const segments = await manager.find(SegmentEntity, { select: { id: true, marketPotential: true, expansionDifficulty: true, strategy: true } });
  const changed = segments
    .map((s) => ({ id: s.id, before: s.strategy, after: channelStrategyFor(s.marketPotential, s.expansionDifficulty, thresholds) }))
    .filter((s) => s.before !== s.after);
  for (const strategy of ['direct', 'strategic', 'smb', 'nurture'] as const) {
    const ids = changed.filter((c) => c.after === strategy).map((c) => c.id);
    if (ids.length) await manager.query(`UPDATE segments SET strategy = $1 WHERE id = ANY($2::uuid[])`, [strategy, ids]);
  }
  return changed.length;
}
