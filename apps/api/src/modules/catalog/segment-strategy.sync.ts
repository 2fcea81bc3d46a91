import { channelStrategyFor, type QuadrantThresholds } from '@partnerline/domain';
import type { EntityManager } from 'typeorm';
import type { CatalogRepository } from './catalog.repository';

/**
 * Re-derives every segment's channel strategy with the domain rule (after the thresholds
 * policy changed). Runs in the caller's transaction; returns how many segments changed quadrant.
 */
export async function recomputeSegmentStrategies(
  catalog: CatalogRepository,
  manager: EntityManager,
  thresholds: QuadrantThresholds,
): Promise<number> {
  const segments = await catalog.segmentRatings(manager);
  const changed = segments
    .map((s) => ({ id: s.id, before: s.strategy, after: channelStrategyFor(s.marketPotential, s.expansionDifficulty, thresholds) }))
    .filter((s) => s.before !== s.after);
  for (const strategy of ['direct', 'strategic', 'smb', 'nurture'] as const) {
    await catalog.setSegmentStrategy(
      manager,
      strategy,
      changed.filter((c) => c.after === strategy).map((c) => c.id),
    );
  }
  return changed.length;
}
