import type { BadgeProps } from '@mantine/core';
import type { RenewalReviewDetail } from '@partnerline/domain';
import { formatDate, formatMoney, formatPercent, formatRatio, StatusBadge, useLocale } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';

type Recommendation = RenewalReviewDetail['recommendationDetail'];
export type Reason = Recommendation['reasons'][number];
export type Change = Recommendation['toChange'][number];
export type Outcome = Recommendation['outcome'];
export type FactState = Reason['state'];
export type FactKey = Reason['fact'];

/** The recommendation or the decision: colour shared with the portal (STATUS_COLOR), words from this app's catalogue. */
export function OutcomeBadge({ outcome, ...props }: { outcome: Outcome } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <StatusBadge kind="renewalOutcome" value={outcome} {...props}>
      {t(`renewals.outcome.${outcome}`)}
    </StatusBadge>
  );
}

export function FactStateBadge({ state, ...props }: { state: FactState } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <StatusBadge kind="renewalFactState" value={state} variant="dot" {...props}>
      {t(`renewals.factState.${state}`)}
    </StatusBadge>
  );
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/**
 * The recommendation's codes in words, with their numbers: percentages and money in the UI language, a
 * requirement key `presales:NET` as "Presales · NET", a ratio "0.6500" as "65%".
 */
export function useRenewalWords() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pct = (v: unknown) => formatPercent(num(v), locale);
  const ratio = (v: unknown) => formatRatio(num(v), locale, 1);
  const money = (v: unknown) => formatMoney(v === null || v === undefined ? null : String(v), locale);
  const requirement = (key: unknown) => {
    const [role, line] = String(key ?? '').split(':');
    const roleName = t(`jobRoles.${role}`, { ns: 'ui', defaultValue: role });
    return line ? `${roleName} · ${line}` : roleName;
  };
  const declaration = (v: unknown) => t(`renewals.numbers.declarationValue.${String(v ?? 'not_submitted')}`);
  const date = (v: unknown) => formatDate(typeof v === 'string' ? v : null, locale);

  /** Every detail a reason or a change may carry, worded. */
  const params = (d: Reason | Change) => ({
    attainment: pct(d.attainmentPercent),
    threshold: pct(d.thresholdPercent),
    shortBy: money(d.shortBy),
    needed: money(d.neededAchievement),
    requirement: requirement(d.requirement),
    required: d.required,
    certified: d.certified,
    missing: d.missing,
    expiring: d.expiring,
    date: date(d.renewalDate),
    ratio: ratio(d.onTimeRatio),
    minimum: ratio(d.minimum),
    due: d.due,
    onTime: d.onTime,
    days: d.worstDaysOverdue,
    maximum: d.maximum,
    open: d.openOverdue,
    minor: d.minor,
    major: d.major,
    critical: d.critical,
    count: d.requirements,
    declaration: declaration(d.declaration),
  });

  const reason = (r: Reason): string => {
    if (r.code === 'attainment_met' && r.attainmentPercent === null) return t('renewals.reasons.attainment_met_noQuota');
    if (r.code === 'qualification_compliant' && !r.requirements) return t('renewals.reasons.qualification_compliant_none');
    if (r.code === 'payments_in_order' && r.onTimeRatio === null) return t('renewals.reasons.payments_in_order_nothingDue');
    return t(`renewals.reasons.${r.code}`, params(r));
  };
  const change = (c: Change): string => t(`renewals.changes.${c.code}`, params(c));
  return { reason, change, pct, ratio, money, requirement, declaration };
}
