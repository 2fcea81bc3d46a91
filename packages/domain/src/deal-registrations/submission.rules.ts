/**
 * What decides a submission (DOMAIN §5), as pure functions: which agreement covers it, whether the partner may
 * register at all (trial capacity), what counts as evidence, which customer keys serialise submissions, which
 * candidates are the same customer, and when approval is automatic. The API enforces these; the apps may preview.
 */
import type { RegistrationInput, RegistrationStatus } from './deal-registration.schema.js';
import { missingEvidence } from './deal-registration.schema.js';
import { nameSimilarity } from './customer-name.js';

/** Registrations that hold a customer (and count toward a trial partner's capacity). */
export const OPEN_REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['submitted', 'in_review', 'in_conflict', 'approved'];

/** A registration in one of these takes more evidence files. */
export const EVIDENCE_OPEN_STATUSES: readonly RegistrationStatus[] = ['draft', 'in_review', 'in_conflict', 'approved'];

/** The review queue: registrations waiting for a decision (SLA applies). */
export const UNDER_REVIEW_STATUSES: readonly RegistrationStatus[] = ['in_review', 'in_conflict'];

export type EvidenceKind = 'proofOfCommunication' | 'customerFeedback' | 'customerDetails';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['proofOfCommunication', 'customerFeedback', 'customerDetails'];

/** How each kind of evidence is named to people. */
export const EVIDENCE_LABELS: Record<EvidenceKind, { en: string; zh: string }> = {
  proofOfCommunication: { en: 'proof of communication', zh: '沟通记录' },
  customerFeedback: { en: 'customer feedback', zh: '客户反馈' },
  customerDetails: { en: 'customer details', zh: '客户信息' },
};

/** How each registration status is named to people (the same words as the apps' status labels). */
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, { en: string; 'zh-CN': string }> = {
  draft: { en: 'Draft', 'zh-CN': '草稿' },
  submitted: { en: 'Submitted', 'zh-CN': '已提交' },
  in_review: { en: 'In review', 'zh-CN': '审核中' },
  in_conflict: { en: 'In conflict', 'zh-CN': '冲突协调中' },
  approved: { en: 'Protected', 'zh-CN': '保护中' },
  won: { en: 'Won', 'zh-CN': '赢单' },
  lost: { en: 'Lost', 'zh-CN': '丢单' },
  expired: { en: 'Expired', 'zh-CN': '已过期' },
  rejected: { en: 'Rejected', 'zh-CN': '未通过' },
  withdrawn: { en: 'Withdrawn', 'zh-CN': '已撤回' },
};

export interface CoveringAgreement {
  id: string;
  type: 'registration' | 'exclusive' | string;
  terms: { evidenceStandard?: Record<EvidenceKind, boolean> | null } | null;
}

/** Agreement precedence: among the agreements covering the segment today, an exclusive one wins over a registration one. */
export function pickCoveringAgreement<A extends CoveringAgreement>(agreements: readonly A[]): A | null {
  return agreements.find((a) => a.type === 'exclusive') ?? agreements.find((a) => a.type === 'registration') ?? null;
}

export type Eligibility = { ok: true } | { ok: false; reason: 'not_covered' } | { ok: false; reason: 'trial_capacity'; limit: number };

/**
 * May the partner submit? With a covering agreement, yes. Without one only a trial partner may, and only while it
 * holds fewer open registrations than the policy's trial limit.
 */
export function checkEligibility(input: { covered: boolean; partnerStatus: string; openRegistrations: number; trialOpenRegistrationLimit: number }): Eligibility {
  if (input.covered) return { ok: true };
  if (input.partnerStatus !== 'trial') return { ok: false, reason: 'not_covered' };
  if (input.openRegistrations >= input.trialOpenRegistrationLimit) return { ok: false, reason: 'trial_capacity', limit: input.trialOpenRegistrationLimit };
  return { ok: true };
}

/** What counts as evidence: the text the partner wrote, or an uploaded file of that kind (a file counts). */
export function effectiveEvidence(written: RegistrationInput['evidence'] | undefined, fileKinds: readonly EvidenceKind[]): Partial<Record<EvidenceKind, string>> {
  const evidence: Partial<Record<EvidenceKind, string>> = { ...(written ?? {}) };
  for (const kind of fileKinds) evidence[kind] = evidence[kind]?.trim() ? evidence[kind] : '(file)';
  return evidence;
}

/** The evidence the covering agreement's standard asks for and the registration lacks (files counted). */
/** Which evidence a covering agreement's standard requires (none without an agreement or a standard). */
export function requiredEvidence(agreement: CoveringAgreement | null): Record<EvidenceKind, boolean> {
  const standard = (agreement?.terms?.evidenceStandard ?? null) as Partial<Record<EvidenceKind, boolean>> | null;
  return Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, !!standard?.[k]])) as Record<EvidenceKind, boolean>;
}

export function missingRequiredEvidence(agreement: CoveringAgreement | null, written: RegistrationInput['evidence'] | undefined, fileKinds: readonly EvidenceKind[]): EvidenceKind[] {
  const standard = agreement?.terms?.evidenceStandard ?? null;
  return missingEvidence(standard as Record<EvidenceKind, boolean> | null, effectiveEvidence(written, fileKinds) as RegistrationInput['evidence']);
}

export interface CustomerKeys {
  taxId: string | null;
  domain: string | null;
  regionId: string;
  nameNorm: string;
}

/**
 * The locks that serialise submissions about one customer: one per identity key (tax id, domain, normalised name
 * within the region), sorted so that two submissions always take them in the same order (no deadlock).
 */
export function registrationLockKeys(c: CustomerKeys): string[] {
  return [c.taxId && `tax:${c.taxId}`, c.domain && `domain:${c.domain}`, `name:${c.regionId}:${c.nameNorm}`].filter((k): k is string => !!k).sort();
}

export interface CustomerCandidate {
  name: string;
  taxId: string | null;
  domain: string | null;
}

/** Same customer: same tax id, same domain, or names at least `threshold` similar (normalised, DOMAIN §5). */
export function sameCustomer(a: CustomerCandidate, b: CustomerCandidate, threshold: number): boolean {
  if (a.taxId && b.taxId === a.taxId) return true;
  if (a.domain && b.domain === a.domain) return true;
  return nameSimilarity(a.name, b.name) >= threshold;
}

/** Policy: inside the partner's own exclusive scope, with no conflict, approval is automatic. */
export function autoApproves(input: { conflicts: number; agreementType: string | null; autoApproveInOwnExclusiveScope: boolean }): boolean {
  return input.conflicts === 0 && input.agreementType === 'exclusive' && input.autoApproveInOwnExclusiveScope;
}

/** A review is overdue when its SLA due date has passed while it still waits for a decision. */
export function slaBreached(status: RegistrationStatus, slaDue: string | null, today: string): boolean {
  return slaDue !== null && slaDue < today && UNDER_REVIEW_STATUSES.includes(status);
}

/** The protection end dates on which a reminder is due today (policy e.g. [14, 3] days before). */
export function reminderDates(today: string, reminderDays: readonly number[]): string[] {
  const base = new Date(`${today}T00:00:00Z`).getTime();
  return reminderDays.map((d) => new Date(base + d * 86_400_000).toISOString().slice(0, 10));
}
