import { Dec, type Locale, type RebateLedgerPage, type RebateStatement } from '@partnerline/domain';
import { formatNumber } from '@partnerline/ui';
import type { TFunction } from 'i18next';
import type { Cell } from './export';

/**
 * A statement as spreadsheet rows in the UI language: a header block (number, period, status, figures), the lines,
 * and the totals. Amounts stay exact decimal strings (no grouping: a spreadsheet adds its own).
 */
export function statementRows(s: RebateStatement, t: TFunction): Cell[][] {
  const k = (key: string) => t(`rebates.statement.${key}`);
  const rows: Cell[][] = [
    [k('number'), s.number],
    [k('partner'), s.partnerName],
    [k('period'), `${s.periodStart} – ${s.periodEnd}`],
    [k('status'), t(`rebates.status.${s.status}`)],
    [k('asOf'), s.asOf],
    [k('quota'), s.quota],
    [k('achievement'), s.achievement],
    [k('attainment'), s.attainmentPercent === null ? '' : `${s.attainmentPercent}%`],
    [k('tier'), s.tierIndex === null ? t('performance.noTier') : t('performance.tierShort', { n: s.tierIndex + 1 })],
    [k('rate'), s.ratePercent === null ? '' : `${s.ratePercent}%`],
    [k('earned'), s.earned],
    [k('alreadySettled'), s.alreadySettled],
    [k('adjustments'), s.adjustments],
    [k('payable'), s.payable],
    [],
    [
      k('lineNo'),
      k('kind'),
      k('description'),
      k('occurredOn'),
      k('amount'),
      k('share'),
      k('coefficient'),
      k('lineAchievement'),
      k('rebate'),
      k('dispute'),
    ],
  ];
  for (const l of s.lines) {
    rows.push([
      l.lineNo,
      t(`rebates.kind.${l.kind}`),
      l.description,
      l.occurredOn,
      l.amount,
      l.share,
      l.coefficient,
      l.achievement,
      l.rebate,
      l.dispute ? t(`rebates.disputeStatus.${l.dispute.status}`) : '',
    ]);
  }
  rows.push(['', '', k('total'), '', '', '', '', '', s.lines.reduce((acc, l) => addDecimal(acc, l.rebate), '0.00'), '']);
  return rows;
}

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

/** Exact sum of decimal strings (no float): for the total line. */
export function addDecimal(a: string, b: string): string {
  return new Dec(a).plus(b).toFixed(2);
}

/** "60% × 1.5": the line's share of a split deal and its incentive coefficient ("—" on clawback/adjustment lines). */
export function shareTimesCoefficient(l: Pick<RebateStatement['lines'][number], 'share' | 'coefficient'>, locale: Locale): string {
  if (l.share === null && l.coefficient === null) return '—';
  const share = l.share === null ? '—' : `${formatNumber(new Dec(l.share).times(100).toNumber(), locale)}%`;
  return `${share} × ${l.coefficient ?? '1'}`;
}
