/** Training, certification and qualification rules (DOMAIN §6). Pure: no clock, no database. */
import type { JobRole } from '../auth/auth.schema.js';
import { money } from '../common/money.js';
import type { CertificationStatus, LearnerQuestion, QuizAttemptInput, QuizQuestion } from './training.schema.js';

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY);

// ── Quiz ────────────────────────────────────────────────────────────────────────

export interface QuizScore {
  correctCount: number;
  questionCount: number;
  /** Rounded to two decimals; compared with the pass mark without rounding up a fail. */
  scorePercent: number;
  passed: boolean;
  perQuestion: { questionId: string; correct: boolean; selectedOptionIds: string[]; correctOptionIds: string[] }[];
}

/**
 * Scores an attempt on the server. A single-choice question is right when the one correct option is chosen;
 * a multiple-choice question only when exactly the set of correct options is chosen (no partial credit).
 * Unanswered questions and option ids that are not the question's own count as wrong.
 */
export function scoreQuiz(questions: readonly QuizQuestion[], input: QuizAttemptInput, passMarkPercent: number): QuizScore {
  const given = new Map(input.answers.map((a) => [a.questionId, new Set(a.optionIds)]));
  const perQuestion = questions.map((q) => {
    const selected = given.get(q.id) ?? new Set<string>();
    const correctIds = q.options.filter((o) => o.correct).map((o) => o.id);
    const correct = selected.size === correctIds.length && correctIds.every((id) => selected.has(id));
    return {
      questionId: q.id,
      correct,
      selectedOptionIds: [...selected].filter((id) => q.options.some((o) => o.id === id)),
      correctOptionIds: correctIds,
    };
  });
  const correctCount = perQuestion.filter((p) => p.correct).length;
  const questionCount = questions.length;
  const exact = questionCount === 0 ? 100 : (correctCount * 100) / questionCount;
  return { correctCount, questionCount, scorePercent: Math.floor(exact * 100) / 100, passed: exact >= passMarkPercent, perQuestion };
}

export type AttemptCheck =
  { ok: true; attemptNo: number } | { ok: false; reason: 'already_passed' | 'no_attempts_left' | 'modules_incomplete' };

/** May the learner take the quiz now? All modules first; the policy's attempt limit; never again once passed. */
export function checkQuizAttempt(s: {
  passed: boolean;
  attemptsUsed: number;
  attemptLimit: number;
  modulesDone: number;
  moduleCount: number;
}): AttemptCheck {
  if (s.passed) return { ok: false, reason: 'already_passed' };
  if (s.modulesDone < s.moduleCount) return { ok: false, reason: 'modules_incomplete' };
  if (s.attemptsUsed >= s.attemptLimit) return { ok: false, reason: 'no_attempts_left' };
  return { ok: true, attemptNo: s.attemptsUsed + 1 };
}

/** How many of the course's current modules a learner has completed (ids of modules since removed do not count). */
export function completedModuleCount(completedIds: readonly string[], modules: readonly { id: string }[]): number {
  const ids = new Set(modules.map((m) => m.id));
  return completedIds.filter((id) => ids.has(id)).length;
}

/** The correct options of an attempt are shown only once the quiz is passed or no attempt is left. */
export function answerKeyRevealed(passed: boolean, attemptsLeft: number): boolean {
  return passed || attemptsLeft <= 0;
}

/** Percentage of the course done: modules, plus the quiz as one more step when there is one. */
export function courseProgress(modulesDone: number, moduleCount: number, hasQuiz: boolean, passed: boolean): number {
  const steps = moduleCount + (hasQuiz ? 1 : 0);
  if (steps === 0) return 100;
  const done = Math.min(modulesDone, moduleCount) + (hasQuiz && passed ? 1 : 0);
  return Math.floor((done * 100) / steps);
}

/** A 32-bit hash of a string (FNV-1a), used to seed the shuffle. */
function hash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fisher–Yates driven by a seeded generator (mulberry32): the same seed gives the same order. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  let a = hash(seed);
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The quiz as a learner sees it for one attempt: questions and each question's options shuffled
 * (seeded by enrolment and attempt, so a reload shows the same order), and the answers stripped.
 */
export function learnerQuiz(questions: readonly QuizQuestion[], seed: string): LearnerQuestion[] {
  return seededShuffle(questions, seed).map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    options: seededShuffle(q.options, `${seed}:${q.id}`).map((o) => ({ id: o.id, text: o.text })),
  }));
}

// ── Certification ───────────────────────────────────────────────────────────────

/** Valid for `months` calendar months: earned 2026-01-31 + 1 month → valid through 2026-02-28 (clamped to month end), minus one day. */
export function certificationExpiresOn(earnedOn: string, months: number): string {
  const d = toDate(earnedOn);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const target = new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)));
  return toIso(new Date(target.getTime() - DAY));
}

/** Status on `today`: revoked wins; expired after the last valid day; expiring within the first reminder window. */
export function certificationStatus(
  c: { expiresOn: string; revoked: boolean },
  today: string,
  expiringWithinDays: number,
): CertificationStatus {
  if (c.revoked) return 'revoked';
  if (today > c.expiresOn) return 'expired';
  return daysBetween(today, c.expiresOn) <= expiringWithinDays ? 'expiring' : 'active';
}

/** A certificate counts as "expiring" this many days before its end: the earliest reminder (policy [60, 30] → 60). */
export function expiringWindowDays(reminderDays: readonly number[]): number {
  return Math.max(...reminderDays, 0);
}

/** A path's certificate may be earned (again) unless one is held that is not yet in its expiring window. */
export function mayEarnCertificate(held: readonly CertificationStatus[]): boolean {
  return !held.includes('active');
}

/**
 * Retaking a passed course renews a certificate: offered when one of the person's certificates of the course's paths
 * is expiring or expired and none is fully valid. Revoked certificates are ignored (revocation is not renewed by a quiz).
 */
export function renewalDue(held: readonly CertificationStatus[]): boolean {
  const live = held.filter((s) => s !== 'revoked');
  return live.some((s) => s === 'expiring' || s === 'expired') && mayEarnCertificate(live);
}

/** Counts toward qualification: not revoked and not past its last valid day. */
export function certificationValid(c: { expiresOn: string; revoked: boolean }, today: string): boolean {
  return !c.revoked && today <= c.expiresOn;
}

/**
 * Reminder days that are due and not yet sent. A sweep that missed a day still sends the reminder
 * (it is due once the days left fall to or below it), but only the most urgent one, and only once.
 */
export function certificationRemindersDue(
  expiresOn: string,
  today: string,
  reminderDays: readonly number[],
  sent: readonly number[],
): number[] {
  const left = daysBetween(today, expiresOn);
  if (left < 0) return [];
  const due = reminderDays.filter((d) => left <= d && !sent.includes(d));
  return due.length ? [Math.min(...due)] : [];
}

/** A certification path is complete when every required course is passed. */
export function pathComplete(requiredCourseIds: readonly string[], passedCourseIds: ReadonlySet<string> | readonly string[]): boolean {
  const passed = passedCourseIds instanceof Set ? passedCourseIds : new Set(passedCourseIds as readonly string[]);
  return requiredCourseIds.length > 0 && requiredCourseIds.every((id) => passed.has(id));
}

/** Human-checkable verification code: 12 characters from an alphabet without 0/O/1/I, grouped 4-4-4. */
export const VERIFICATION_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function formatVerificationCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < 12) throw new Error('need 12 random bytes');
  const chars = Array.from(randomBytes.slice(0, 12), (b) => VERIFICATION_ALPHABET[b % VERIFICATION_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`;
}
export function normaliseVerificationCode(code: string): string {
  const c = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return c.length === 12 ? `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}` : c;
}

// ── Qualification ───────────────────────────────────────────────────────────────

export interface Requirement {
  jobRole: JobRole;
  productLineId: string;
  headcount: number;
}
export interface HeldCertification {
  userId: string;
  jobRole: JobRole;
  productLineId: string;
}
export interface ComplianceLine extends Requirement {
  held: number;
  missing: number;
  holderIds: string[];
}

/**
 * An agreement's qualification requirements against the partner's valid certifications now.
 * A person counts once per (job role, product line), however many matching certificates they hold;
 * requirements naming the same (role, line) twice are merged at the larger headcount.
 */
export function qualificationCompliance(
  requirements: readonly Requirement[],
  held: readonly HeldCertification[],
): { compliant: boolean; lines: ComplianceLine[] } {
  const merged = new Map<string, Requirement>();
  for (const r of requirements) {
    const key = `${r.jobRole}|${r.productLineId}`;
    const prev = merged.get(key);
    merged.set(key, prev && prev.headcount >= r.headcount ? prev : r);
  }
  const lines = [...merged.values()].map((r) => {
    const holderIds = [...new Set(held.filter((h) => h.jobRole === r.jobRole && h.productLineId === r.productLineId).map((h) => h.userId))];
    return { ...r, held: holderIds.length, missing: Math.max(0, r.headcount - holderIds.length), holderIds };
  });
  return { compliant: lines.every((l) => l.missing === 0), lines };
}

/**
 * The certified-staff item of a qualification review: it passes when every active agreement's requirements are met;
 * the gaps name the agreement, role, product line and how many people are missing.
 */
export function certifiedStaffCheck(
  qualifications: readonly { agreementNumber: string; lines: readonly { jobRole: JobRole; productLineCode: string; missing: number }[] }[],
): {
  pass: boolean;
  gaps: { agreementNumber: string; jobRole: JobRole; productLineCode: string; missing: number }[];
} {
  const gaps = qualifications.flatMap((q) =>
    q.lines
      .filter((l) => l.missing > 0)
      .map((l) => ({ agreementNumber: q.agreementNumber, jobRole: l.jobRole, productLineCode: l.productLineCode, missing: l.missing })),
  );
  return { pass: gaps.length === 0, gaps };
}

/** The next periodic review: `intervalMonths` after the last completed one, or after the first agreement started. */
export function nextQualificationReviewDue(lastCompletedOn: string | null, firstAgreementStart: string, intervalMonths: number): string {
  const from = lastCompletedOn ?? firstAgreementStart;
  const d = toDate(from);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + intervalMonths + 1, 0)).getUTCDate();
  return toIso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + intervalMonths, Math.min(d.getUTCDate(), lastDay))));
}

/** The overall result of a review: every check must pass, the computed certified-staff check included. */
export function qualificationReviewResult(checks: {
  certifiedStaff: boolean;
  demoEnvironment: boolean;
  marketingQuality: boolean;
  afterSalesProcess: boolean;
}): 'pass' | 'fail' {
  return Object.values(checks).every(Boolean) ? 'pass' : 'fail';
}

/** The funds a manager may approve: more than zero and at most what was requested (exact decimals). */
export function fundsWithinRequest(requested: string, approved: string): boolean {
  const a = money(approved);
  return a.greaterThan(0) && a.lessThanOrEqualTo(money(requested));
}

// ── Dates the sweeps and lists decide on ────────────────────────────────────────

/** Whole days from `today` to `date` (negative once past). */
export function daysUntil(date: string, today: string): number {
  return daysBetween(today, date);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return toIso(new Date(toDate(date).getTime() + days * DAY));
}

/** Sending the most urgent due reminder covers the earlier (longer) ones too: policy [60, 30], due [30] → [60, 30]. */
export function remindersCovered(reminderDays: readonly number[], due: readonly number[]): number[] {
  if (!due.length) return [];
  const mostUrgent = Math.min(...due);
  return reminderDays.filter((d) => d >= mostUrgent);
}

/**
 * The expiry bounds (inclusive) and revocation that select certificates of one status on `today`, for a query:
 * the same partition as `certificationStatus`.
 */
export function certificationStatusBounds(
  status: CertificationStatus,
  today: string,
  expiringWithinDays: number,
): { revoked: boolean; expiresFrom: string | null; expiresTo: string | null } {
  switch (status) {
    case 'revoked':
      return { revoked: true, expiresFrom: null, expiresTo: null };
    case 'expired':
      return { revoked: false, expiresFrom: null, expiresTo: addDays(today, -1) };
    case 'expiring':
      return { revoked: false, expiresFrom: today, expiresTo: addDays(today, expiringWithinDays) };
    case 'active':
      return { revoked: false, expiresFrom: addDays(today, expiringWithinDays + 1), expiresTo: null };
  }
}

// ── Qualification reviews ───────────────────────────────────────────────────────

/** A scheduled review is overdue once its due date has passed. */
export function reviewOverdue(status: 'scheduled' | 'completed', dueOn: string, today: string): boolean {
  return status === 'scheduled' && dueOn < today;
}

/** Partners that can be reviewed: on trial, active or suspended (not applicants, rejected or terminated ones). */
export const REVIEWABLE_PARTNER_STATUSES = ['trial', 'active', 'suspended'] as const;
export function partnerReviewable(status: string): boolean {
  return (REVIEWABLE_PARTNER_STATUSES as readonly string[]).includes(status);
}

// ── Enrolment ───────────────────────────────────────────────────────────────────

/** A learner enrols themselves; only a partner admin may enrol someone else (of their own organisation). */
export function mayEnrol(actor: { id: string; role: string }, targetUserId: string): boolean {
  return targetUserId === actor.id || actor.role === 'partner_admin';
}

// ── Support requests ────────────────────────────────────────────────────────────

/** Who hears on the vendor side: the assignee, else the partner's channel manager, else every channel manager. */
export function supportVendorRecipients(
  r: { assigneeId: string | null; managerId: string | null },
  channelManagers: readonly string[],
): string[] {
  if (r.assigneeId) return [r.assigneeId];
  if (r.managerId) return [r.managerId];
  return [...channelManagers];
}

/** A vendor answer takes an open request into progress, with the responder as assignee when none was set. */
export function afterVendorReply(
  r: { status: string; assigneeId: string | null },
  responderId: string,
): { moveToInProgress: boolean; assignTo: string | null } {
  if (r.status !== 'open') return { moveToInProgress: false, assignTo: null };
  return { moveToInProgress: true, assignTo: r.assigneeId ? null : responderId };
}

/** The excerpt of a reply quoted in a notification. */
export function replyExcerpt(body: string, max = 140): string {
  return body.length > max ? `${body.slice(0, max)}…` : body;
}

/** Which side wrote a message: none (system), the partner's people, or vendor staff. */
export function supportAuthorSide(authorId: string | null, authorPartnerId: string | null): 'system' | 'partner' | 'vendor' {
  if (authorId === null) return 'system';
  return authorPartnerId ? 'partner' : 'vendor';
}
