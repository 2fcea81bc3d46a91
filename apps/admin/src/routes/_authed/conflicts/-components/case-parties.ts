import type { ConflictDetail, PartyMatch } from '@partnerline/domain';

/**
 * Every party of a case in one list: the registrations, the exclusive holders (awardable through their agreement)
 * and the direct-sales accounts. `choice` is the value a winner radio carries (`registration:<id>` / `holder:<agreementId>`).
 */
export interface CaseParty {
  key: string;
  kind: 'registration' | 'exclusive_holder' | 'direct_account';
  /** Registration id or agreement id (what the server names in the recommendation). */
  id: string;
  name: string;
  customerName: string | null;
  match: PartyMatch;
  onTrial: boolean;
  intruder: boolean;
  selectable: boolean;
  status: string | null;
  agreementType: string | null;
  agreementId: string | null;
  agreementNumber: string | null;
  period: { from: string; until: string } | null;
  exclusiveOwner: boolean;
  incumbent: boolean;
  submittedAt: string | null;
  estimatedAmount: string | null;
  sharePercent: number | null;
  awarded: boolean | null;
  owner: string | null;
  choice: string | null;
}

export function caseParties(c: ConflictDetail): CaseParty[] {
  const base = {
    onTrial: false,
    intruder: false,
    selectable: false,
    status: null,
    agreementType: null,
    agreementId: null,
    agreementNumber: null,
    period: null,
    exclusiveOwner: false,
    incumbent: false,
    submittedAt: null,
    estimatedAmount: null,
    sharePercent: null,
    awarded: null,
    owner: null,
    customerName: null,
    choice: null,
  };
  return [
    ...c.exclusiveHolders.map<CaseParty>((h) => ({
      ...base,
      key: `holder:${h.agreementId}`,
      kind: 'exclusive_holder',
      id: h.agreementId,
      name: h.partnerName,
      match: h.match,
      onTrial: h.onTrial,
      selectable: h.selectable,
      agreementType: 'exclusive',
      agreementId: h.agreementId,
      agreementNumber: h.agreementNumber,
      period: { from: h.from, until: h.until },
      exclusiveOwner: true,
      awarded: h.awarded,
      choice: `holder:${h.agreementId}`,
    })),
    ...c.registrations.map<CaseParty>((r) => ({
      ...base,
      key: `registration:${r.id}`,
      kind: 'registration',
      id: r.id,
      name: r.partnerName,
      customerName: r.customerName,
      match: r.match,
      onTrial: r.onTrial,
      intruder: r.intruder,
      selectable: r.selectable,
      status: r.status,
      agreementType: r.agreementType,
      exclusiveOwner: r.exclusiveOwner,
      incumbent: r.incumbent,
      submittedAt: r.submittedAt,
      estimatedAmount: r.estimatedAmount,
      sharePercent: r.sharePercent,
      awarded: r.awarded,
      choice: `registration:${r.id}`,
    })),
    ...c.directAccounts.map<CaseParty>((d) => ({
      ...base,
      key: `direct:${d.id}`,
      kind: 'direct_account',
      id: d.id,
      name: d.name,
      match: d.match,
      owner: d.owner,
    })),
  ];
}

/** The party the server recommends, if it is one of the case's parties. */
export function recommendedParty(c: ConflictDetail, parties: readonly CaseParty[]): CaseParty | undefined {
  const rec = c.recommendation;
  if (!rec) return undefined;
  // winnerId is a registration id or, for an exclusive holder, its agreement id (ids are unique across both).
  return parties.find((p) => p.kind !== 'direct_account' && p.id === rec.winnerId);
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** Why a party is in the case, in words: the key that matched and, for names, the score and both normalised forms. */
export function matchWords(t: T, m: PartyMatch, locale: 'en' | 'zh-CN'): string {
  const sep = locale === 'zh-CN' ? '' : ' ';
  const forms = m.normalised ? t('conflicts.match.forms', { ours: m.normalised.ours, theirs: m.normalised.theirs }) : '';
  if (m.key === 'name') {
    const score = m.score === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(m.score);
    return [t('conflicts.match.name', { score }), forms].filter(Boolean).join(sep);
  }
  return [t(`conflicts.match.${m.key}`), forms].filter(Boolean).join(sep);
}
