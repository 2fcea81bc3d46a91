import { Dec, type Locale, type RebateLedgerPage, type RebateStatement } from '@partnerline/domain';
import { formatNumber } from '@partnerline/ui';
import type { TFunction } from 'i18next';
import type { Cell } from '../../../../components/rebates';

/** The reconciliation export: every ledger entry of the organisation, oldest first, with the totals. */
export function ledgerRows(items: RebateLedgerPage['items'], totals: RebateLedgerPage['totals'], t: TFunction): Cell[][] {
  const k = (key: string) => t(`rebates.ledger.${key}`);
  const rows: Cell[][] = [
    [k('bookedOn'), k('kind'), k('amount'), k('periodStart'), k('agreementId'), k('statementId'), k('sourceId'), k('note'), k('entryId')],
  ];
  for (const e of items)
    rows.push([
      e.bookedOn,
      t(`rebates.ledgerKind.${e.kind}`),
      e.amount,
      e.periodStart,
      e.agreementId,
      e.statementId,
      e.sourceId,
      e.note,
      e.id,
    ]);
  rows.push([]);
  for (const key of ['accrued', 'settled', 'paid', 'liability', 'deposits'] as const) rows.push([k(key), '', totals[key]]);
  return rows;
}

/** "60% × 1.5": the line's share of a split deal and its incentive coefficient ("—" on clawback/adjustment lines). */
export function shareTimesCoefficient(l: Pick<RebateStatement['lines'][number], 'share' | 'coefficient'>, locale: Locale): string {
  if (l.share === null && l.coefficient === null) return '—';
  const share = l.share === null ? '—' : `${formatNumber(new Dec(l.share).times(100).toNumber(), locale)}%`;
  return `${share} × ${l.coefficient ?? '1'}`;
}
