import type { ChannelStrategy } from './catalog.schema.js';

export interface QuadrantThresholds {
  /** A market potential score at or above this is "high". */
  highPotentialAt: number;
  /** An expansion difficulty score at or above this is "hard". */
  hardDifficultyAt: number;
}

export const DEFAULT_QUADRANT_THRESHOLDS: QuadrantThresholds = { highPotentialAt: 50, hardDifficultyAt: 50 };

/**
 * The channel-strategy 2×2 (DOMAIN §2):
 * high potential & easy → direct sales; high & hard → strategic partners;
 * low & easy → SMB partners; low & hard → no investment / nurture.
 */
export function channelStrategyFor(
  marketPotential: number,
  expansionDifficulty: number,
  thresholds: QuadrantThresholds = DEFAULT_QUADRANT_THRESHOLDS,
): ChannelStrategy {
  const high = marketPotential >= thresholds.highPotentialAt;
  const hard = expansionDifficulty >= thresholds.hardDifficultyAt;
  if (high) return hard ? 'strategic' : 'direct';
  return hard ? 'nurture' : 'smb';
}

/** Which partner type a quadrant calls for, or null where partners are not the plan. */
export function partnerTypeForStrategy(strategy: ChannelStrategy): 'strategic' | 'smb' | null {
  if (strategy === 'strategic') return 'strategic';
  if (strategy === 'smb') return 'smb';
  return null;
}
