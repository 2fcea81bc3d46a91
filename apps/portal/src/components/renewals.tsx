import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import {
  type EvidenceLink,
  parseEvidenceLabel,
  type RenewalReadiness,
  RENEWAL_FACTS,
  type RenewalFactKey,
} from '@partnerline/domain';
import { formatDate, formatMoney, formatPercent, formatRatio, productLinesQueryOptions, renewalReadinessQueryOptions, renewalReviewQueryOptions, useLocale, useStatusLabel } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * Renewal pieces of the portal (issue #15): the readiness card on the agreement page, the fact/outcome badges and the
 * recommendation's reason and change codes worded with their numbers ("2 presales certificates on NET expire before
 * the renewal date 31 Jan 2027", "Renewal needs 80% attainment: now 76.4%, short by ¥183,000.00").
 */

type Recommendation = NonNullable<RenewalReadiness['recommendation']>;
type Reason = Recommendation['reasons'][number];
type Change = Recommendation['toChange'][number];
type Details = Record<string, string | number | null>;
export type FactState = Recommendation['states'][RenewalFactKey];
export type RenewalOutcome = Recommendation['outcome'];

const STATE_COLOR: Record<FactState, string> = { ok: 'green', at_risk: 'orange', failing: 'red' };
const OUTCOME_COLOR: Record<RenewalOutcome, string> = { renew: 'green', renew_on_probation: 'orange', terminate: 'red' };

export function FactStateBadge({ state }: { state: FactState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" styles={{ label: { overflow: 'visible' } }} data-testid="fact-state">
      {t(`renewals.state.${state}`)}
    </Badge>
  );
}

/** The recommendation ("As things stand: renewal on probation") or, with `decided`, the decision as the partner reads it. */
export function OutcomeBadge({ outcome, decided = false, size }: { outcome: RenewalOutcome; decided?: boolean; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={OUTCOME_COLOR[outcome]} variant={decided ? 'filled' : 'light'} size={size} styles={{ label: { overflow: 'visible' } }}>
      {t(decided ? `renewals.decided.${outcome}` : `renewals.outcome.${outcome}`)}
    </Badge>
  );
}

/**
 * The reason and change sentences. A requirement key is "jobRole:productLine" (`presales:NET`): the role in words,
 * the product line by its name when the catalogue knows its code (or id), else the code itself.
 */
export function useRenewalWords() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: lines } = useQuery(productLinesQueryOptions());
  const requirement = (key: unknown) => {
    const [role = '', code = ''] = String(key ?? '').split(':');
    const line = lines?.find((l) => l.code === code || l.id === code);
    return {
      role: t(`renewals.role.${role}`, { defaultValue: role }),
      /** The role as a heading word ("Presales"), as the rest of the portal names it. */
      roleTitle: t(`jobRoles.${role}`, { ns: 'ui', defaultValue: role }),
      line: line ? (locale === 'zh-CN' ? line.nameZh : line.nameEn) : code,
    };
  };
  const params = (d: Details) => {
    const n = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : Number(d[k] ?? 0));
    return {
      ...requirement(d.requirement),
      attainment: formatPercent(d.attainmentPercent, locale),
      threshold: formatPercent(d.thresholdPercent, locale),
      shortBy: formatMoney(d.shortBy === null || d.shortBy === undefined ? null : String(d.shortBy), locale),
      needed: formatMoney(d.neededAchievement === null || d.neededAchievement === undefined ? null : String(d.neededAchievement), locale),
      date: formatDate(typeof d.renewalDate === 'string' ? d.renewalDate : null, locale),
      ratio: formatRatio(d.onTimeRatio, locale),
      minimum: formatRatio(d.minimum, locale),
      worst: n('worstDaysOverdue'),
      maximum: n('maximum'),
      onTime: n('onTime'),
      due: n('due'),
      certified: n('certified'),
      required: n('required'),
      minor: n('minor'),
      major: n('major'),
      critical: n('critical'),
    };
  };

  /** Which count a sentence is plural on. */
  const COUNT: Partial<Record<string, string>> = {
    qualification_compliant: 'requirements',
    qualification_short: 'missing',
    qualification_certificates_expiring: 'expiring',
    service_clean: 'minor',
    service_minor_incidents: 'minor',
    service_major_incident: 'major',
    service_major_incidents: 'major',
    service_critical_incident: 'critical',
    certify_staff: 'missing',
    renew_expiring_certificates: 'missing',
  };
  const count = (code: string, d: Details) => (COUNT[code] ? Number(d[COUNT[code]!] ?? 0) : undefined);

  const reason = (r: Reason): string => {
    const p = { ...params(r), count: count(r.code, r) };
    // The "all is well" sentences have a variant without their number (no quota, no requirement, nothing due, no incident).
    if (r.code === 'attainment_met' && r.attainmentPercent === null) return t('renewals.reason.attainment_met_noQuota', p);
    if (r.code === 'qualification_compliant' && !r.requirements) return t('renewals.reason.qualification_compliant_none', p);
    if (r.code === 'payments_in_order' && r.onTimeRatio === null) return t('renewals.reason.payments_in_order_none', p);
    if (r.code === 'service_clean' && !r.minor) return t('renewals.reason.service_clean_none', p);
    const sentence = t(`renewals.reason.${r.code}`, p);
    if ((r.code === 'payments_overdue' || r.code === 'payments_overdue_long') && Number(r.openOverdue ?? 0) > 0)
      return `${sentence} ${t('renewals.reason.stillOverdue', { count: Number(r.openOverdue) })}`;
    return sentence;
  };

  const change = (c: Change): string => t(`renewals.change.${c.code}`, { ...params(c), count: count(c.code, c), needs: t(`renewals.needs.${c.alone}`) });

  return { reason, change, requirement, factName: (f: RenewalFactKey) => t(`renewals.fact.${f}`) };
}

/** Each fact with its state and its reasons, in the rule's order. */
export function FactReasons({ recommendation, fact }: { recommendation: Recommendation; fact: RenewalFactKey }) {
  const words = useRenewalWords();
  const reasons = recommendation.reasons.filter((r) => r.fact === fact);
  return (
    <Stack gap={2}>
      {reasons.map((r, i) => (
        <Text key={i} size="sm" c={r.state === 'ok' ? 'dimmed' : undefined} data-testid="renewal-reason">
          {words.reason(r)}
        </Text>
      ))}
    </Stack>
  );
}

/** "What would change it": each change with the outcome it would give on its own. */
export function ChangeList({ recommendation }: { recommendation: Recommendation }) {
  const { t } = useTranslation();
  const words = useRenewalWords();
  if (recommendation.toChange.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('renewals.toChange')}
      </Text>
      <List size="sm" spacing={4} withPadding>
        {recommendation.toChange.map((c, i) => (
          <List.Item key={i} data-testid="renewal-change">
            {words.change(c)}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/**
 * The agreement page's "Renewal readiness" card: from `readinessWindowDays` before the end (the API says `shown`),
 * each fact on track / at risk / failing with its reasons, what would change the outlook, and the way to the review.
 * Nothing at all before the window opens, or when the API has no readiness for this agreement.
 */
export function RenewalReadinessCard({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useRenewalWords();
  const { data: r, isPending } = useQuery(renewalReadinessQueryOptions(agreementId));
  if (isPending) return null;
  if (!r || !r.shown) return null;
  // Once decided, the outlook is history: the card says what was decided and where to read why.
  if (r.reviewStatus === 'decided' && r.reviewId) return <DecidedReadiness reviewId={r.reviewId} />;
  if (!r.recommendation) return null;
  const rec = r.recommendation;
  return (
    <Card data-testid="renewal-readiness">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Text fw={600}>{t('renewals.readiness.title')}</Text>
            <Text size="xs" c="dimmed">
              {t('renewals.readiness.daysToEnd', { count: r.daysToEnd, date: formatDate(r.endDate, locale) })}
            </Text>
          </Stack>
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {t('renewals.asThingsStand')}
            </Text>
            <OutcomeBadge outcome={rec.outcome} />
          </Group>
        </Group>
        <Stack gap="xs">
          {RENEWAL_FACTS.map((f) => (
            <Stack key={f} gap={2} data-testid={`readiness-${f}`}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {words.factName(f)}
                </Text>
                <FactStateBadge state={rec.states[f]} />
              </Group>
              <FactReasons recommendation={rec} fact={f} />
            </Stack>
          ))}
        </Stack>
        <ChangeList recommendation={rec} />
        <Text size="xs" c="dimmed">
          {t('renewals.adviceOnly')}
        </Text>
        {r.reviewId ? (
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {r.selfAssessed ? t('renewals.readiness.selfAssessed') : t('renewals.readiness.selfAssessmentAwaited')}
            </Text>
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/renewals/$reviewId" params={{ reviewId: r.reviewId! }} />}>
              <Group gap={4} wrap="nowrap">
                {t('renewals.readiness.openReview')}
                <IconArrowRight size={14} />
              </Group>
            </Anchor>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('renewals.readiness.notOpenYet')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The readiness card after the decision: the outcome and the way to its rationale. */
function DecidedReadiness({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const { data: review } = useQuery(renewalReviewQueryOptions(reviewId));
  return (
    <Card data-testid="renewal-readiness">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Text fw={600}>{t('renewals.readiness.title')}</Text>
          {review?.decision && <OutcomeBadge outcome={review.decision.outcome} decided />}
        </Group>
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/renewals/$reviewId" params={{ reviewId }} />}>
          <Group gap={4} wrap="nowrap">
            {t('renewals.readiness.readDecision')}
            <IconArrowRight size={14} />
          </Group>
        </Anchor>
      </Group>
    </Card>
  );
}

/**
 * An evidence label in words. Labels are data (a statement or invoice number, a holder's name), but some records
 * are named by their codes (a review's result, an incident's severity:category, a certificate's role:line): the
 * domain's parseEvidenceLabel says which, and those are worded here; anything else shows as it is.
 */
function useEvidenceLabel() {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const words = useRenewalWords();
  return (e: EvidenceLink): string => {
    const l = parseEvidenceLabel(e);
    switch (l.type) {
      case 'certificate': {
        // "孙悦 · sales:DATA" → "孙悦 · Sales · Data Platform"
        const r = words.requirement(l.requirement);
        return [l.holder, r.roleTitle, r.line].filter((x) => x !== null).join(' · ');
      }
      case 'declaration':
        return t(`renewals.declaration.${l.declaration}`);
      case 'finding':
        return t(`renewals.finding.${l.finding}`);
      case 'reviewResult':
        return t(`reviews.result.${l.result}`);
      case 'deposit':
        return statusLabel('deposit', l.status);
      case 'incident':
        return `${t(`renewals.severity.${l.severity}`)} · ${t(`renewals.incidentCategory.${l.category}`)}`;
      case 'text':
        return l.text;
    }
  };
}

/** A record behind a fact: a link to the portal page that shows it, or plain text where the portal has none. */
export function EvidenceItem({ e, admin }: { e: EvidenceLink; admin: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useEvidenceLabel();
  const text = `${t('renewals.evidence.line', { kind: t(`renewals.evidence.${e.kind}`), label: label(e) })}${e.date ? ` · ${formatDate(e.date, locale)}` : ''}`;
  switch (e.kind) {
    case 'statement':
      return <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/statements/$statementId" params={{ statementId: e.id }} />}>{text}</Anchor>;
    case 'agreement':
      return <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: e.id }} />}>{text}</Anchor>;
    case 'certificate':
      // The certificates page shows a partner admin the whole team's certificates, anyone else their own.
      return <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/learning/certificates" />}>{text}</Anchor>;
    case 'qualification_review':
      return admin ? <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/learning/team" />}>{text}</Anchor> : <Text size="sm">{text}</Text>;
    case 'invoice':
    case 'deposit':
      return <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/payments" />}>{text}</Anchor>;
    default:
      return <Text size="sm">{text}</Text>;
  }
}
