import type { ChannelStrategy } from '../catalog/catalog.schema.js';
import { partnerTypeForStrategy } from '../catalog/channel-strategy.rules.js';
import type { PartnerType } from '../partners/partner.schema.js';

export type FitWarningCode =
  /** High potential, easy to expand: the vendor's direct team sells here; a partner would compete with it. */
  | 'direct_sales_segment'
  /** Low potential, hard to expand: the vendor does not invest here. */
  | 'no_investment_segment'
  /** The quadrant calls for the other partner type. */
  | 'type_mismatch';

export interface FitWarning {
  code: FitWarningCode;
  strategy: ChannelStrategy;
  expectedType: PartnerType | null;
}

/** Does the requested partner type fit a segment's channel-strategy quadrant? (DOMAIN §2: complement, never fight, direct sales.) */
export function segmentFit(type: PartnerType, strategy: ChannelStrategy): FitWarning | null {
  if (strategy === 'direct') return { code: 'direct_sales_segment', strategy, expectedType: null };
  if (strategy === 'nurture') return { code: 'no_investment_segment', strategy, expectedType: null };
  const expected = partnerTypeForStrategy(strategy);
  return expected !== type ? { code: 'type_mismatch', strategy, expectedType: expected } : null;
}
