import { describe, expect, it } from 'vitest';
import {
  answerKeyRevealed,
  certificationExpiresOn,
  certifiedStaffCheck,
  completedModuleCount,
  expiringWindowDays,
  mayEarnCertificate,
  renewalDue,
  certificationRemindersDue,
  certificationStatus,
  certificationValid,
  checkQuizAttempt,
  courseProgress,
  formatVerificationCode,
  fundsWithinRequest,
  learnerQuiz,
  nextQualificationReviewDue,
  normaliseVerificationCode,
  pathComplete,
  qualificationCompliance,
  qualificationReviewResult,
  scoreQuiz,
  seededShuffle,
} from './training.rules.js';
import {
  CourseInputSchema,
  QuizQuestionSchema,
  SupportFundsDecisionSchema,
  SupportRequestInputSchema,
  type QuizQuestion,
} from './training.schema.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const single: QuizQuestion = {
  id: id(1),
  kind: 'single',
  prompt: '哪一项是区域独家协议的前提？',
  options: [
    { id: id(11), text: '成功的项目合作考察', correct: true },
    { id: id(12), text: '任意一次培训', correct: false },
    { id: id(13), text: '员工人数超过 500', correct: false },
  ],
};
const multiple: QuizQuestion = {
  id: id(2),
  kind: 'multiple',
  prompt: 'Which of these are evidence for a registration?',
  options: [
    { id: id(21), text: 'Proof of communication', correct: true },
    { id: id(22), text: 'Customer feedback', correct: true },
    { id: id(23), text: 'A press release', correct: false },
  ],
};
const q3: QuizQuestion = { ...single, id: id(3) };
const q4: QuizQuestion = { ...single, id: id(4) };
const q5: QuizQuestion = { ...single, id: id(5) };

describe('scoreQuiz', () => {
  it('scores single and multiple choice; multiple needs exactly the correct set', () => {
    const r = scoreQuiz(
      [single, multiple],
      {
        answers: [
          { questionId: id(1), optionIds: [id(11)] },
          { questionId: id(2), optionIds: [id(21)] },
        ],
      },
      80,
    );
    expect(r.correctCount).toBe(1);
    expect(r.scorePercent).toBe(50);
    expect(r.passed).toBe(false);
    expect(r.perQuestion.map((p) => p.correct)).toEqual([true, false]);
    expect(r.perQuestion[1].correctOptionIds).toEqual([id(21), id(22)]);
  });

  it('counts an over-selected multiple-choice answer and an unanswered question as wrong', () => {
    const r = scoreQuiz([single, multiple], { answers: [{ questionId: id(2), optionIds: [id(21), id(22), id(23)] }] }, 80);
    expect(r.correctCount).toBe(0);
    expect(r.perQuestion[0].selectedOptionIds).toEqual([]);
  });

  it('passes at exactly the pass mark, and does not round a fail up to a pass', () => {
    const five = [single, q3, q4, q5, { ...single, id: id(6) }];
    const answer = (ok: number) => ({ answers: five.map((q, i) => ({ questionId: q.id, optionIds: [i < ok ? id(11) : id(12)] })) });
    expect(scoreQuiz(five, answer(4), 80)).toMatchObject({ scorePercent: 80, passed: true });
    expect(scoreQuiz(five, answer(3), 80)).toMatchObject({ scorePercent: 60, passed: false });
    const three = [single, q3, q4];
    const two = { answers: three.map((q, i) => ({ questionId: q.id, optionIds: [i < 2 ? id(11) : id(12)] })) };
    // 2/3 = 66.666…% is below a 66.67 pass mark: truncated, never rounded up.
    expect(scoreQuiz(three, two, 66.67)).toMatchObject({ scorePercent: 66.66, passed: false });
  });

  it('ignores option ids that do not belong to the question', () => {
    const r = scoreQuiz([single], { answers: [{ questionId: id(1), optionIds: [id(11), id(99)] }] }, 80);
    expect(r.passed).toBe(false);
    expect(r.perQuestion[0].selectedOptionIds).toEqual([id(11)]);
  });
});

describe('quiz attempts and progress', () => {
  it('requires all modules, respects the attempt limit, and stops after a pass', () => {
    expect(checkQuizAttempt({ passed: false, attemptsUsed: 0, attemptLimit: 3, modulesDone: 1, moduleCount: 2 })).toEqual({
      ok: false,
      reason: 'modules_incomplete',
    });
    expect(checkQuizAttempt({ passed: false, attemptsUsed: 2, attemptLimit: 3, modulesDone: 2, moduleCount: 2 })).toEqual({
      ok: true,
      attemptNo: 3,
    });
    expect(checkQuizAttempt({ passed: false, attemptsUsed: 3, attemptLimit: 3, modulesDone: 2, moduleCount: 2 })).toEqual({
      ok: false,
      reason: 'no_attempts_left',
    });
    expect(checkQuizAttempt({ passed: true, attemptsUsed: 1, attemptLimit: 3, modulesDone: 2, moduleCount: 2 })).toEqual({
      ok: false,
      reason: 'already_passed',
    });
  });

  it('counts only current modules as done, and reveals the answer key after a pass or the last attempt', () => {
    expect(completedModuleCount([id(1), id(9)], [{ id: id(1) }, { id: id(2) }])).toBe(1);
    expect(answerKeyRevealed(false, 2)).toBe(false);
    expect(answerKeyRevealed(false, 0)).toBe(true);
    expect(answerKeyRevealed(true, 1)).toBe(true);
  });

  it('counts the quiz as the last step of progress', () => {
    expect(courseProgress(0, 3, true, false)).toBe(0);
    expect(courseProgress(3, 3, true, false)).toBe(75);
    expect(courseProgress(3, 3, true, true)).toBe(100);
    expect(courseProgress(2, 2, false, false)).toBe(100);
  });
});

describe('shuffling', () => {
  const qs = [single, multiple, q3, q4, q5];
  it('is a stable permutation for a seed and differs between seeds', () => {
    const a = seededShuffle(qs, 'enrolment-1:1');
    expect(seededShuffle(qs, 'enrolment-1:1')).toEqual(a);
    expect([...a].sort((x, y) => x.id.localeCompare(y.id))).toEqual(qs);
    const orders = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((s) =>
        seededShuffle(qs, s)
          .map((q) => q.id)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never hands a learner the correct flags', () => {
    const quiz = learnerQuiz([single, multiple], 'seed');
    expect(JSON.stringify(quiz)).not.toContain('correct');
    expect(quiz.flatMap((q) => q.options)).toHaveLength(6);
  });
});

describe('certification validity', () => {
  it('runs for the validity in months, ending the day before the anniversary (clamped to month end)', () => {
    expect(certificationExpiresOn('2026-03-15', 24)).toBe('2028-03-14');
    expect(certificationExpiresOn('2026-01-31', 1)).toBe('2026-02-27');
    expect(certificationExpiresOn('2028-02-29', 12)).toBe('2029-02-27');
  });

  it('is expiring within the first reminder window, expired after the last day, revoked above all', () => {
    const c = { expiresOn: '2026-12-31', revoked: false };
    expect(certificationStatus(c, '2026-10-01', 60)).toBe('active');
    expect(certificationStatus(c, '2026-11-01', 60)).toBe('expiring');
    expect(certificationStatus(c, '2026-12-31', 60)).toBe('expiring');
    expect(certificationStatus(c, '2027-01-01', 60)).toBe('expired');
    expect(certificationStatus({ ...c, revoked: true }, '2026-10-01', 60)).toBe('revoked');
    expect(certificationValid(c, '2026-12-31')).toBe(true);
    expect(certificationValid(c, '2027-01-01')).toBe(false);
  });

  it('sends the 60- and 30-day reminders once each, catching up a missed day with the most urgent only', () => {
    expect(certificationRemindersDue('2026-12-31', '2026-11-01', [60, 30], [])).toEqual([60]);
    expect(certificationRemindersDue('2026-12-31', '2026-11-02', [60, 30], [60])).toEqual([]);
    expect(certificationRemindersDue('2026-12-31', '2026-12-01', [60, 30], [60])).toEqual([30]);
    expect(certificationRemindersDue('2026-12-31', '2026-12-10', [60, 30], [])).toEqual([30]);
    expect(certificationRemindersDue('2026-12-31', '2027-01-02', [60, 30], [])).toEqual([]);
  });

  it('uses the earliest reminder as the expiring window, and renews only when no certificate is fully valid', () => {
    expect(expiringWindowDays([60, 30])).toBe(60);
    expect(expiringWindowDays([])).toBe(0);
    expect(mayEarnCertificate([])).toBe(true);
    expect(mayEarnCertificate(['expiring'])).toBe(true);
    expect(mayEarnCertificate(['expiring', 'active'])).toBe(false);
    expect(renewalDue(['expiring'])).toBe(true);
    expect(renewalDue(['expired', 'revoked'])).toBe(true);
    expect(renewalDue(['expired', 'active'])).toBe(false);
    expect(renewalDue(['revoked'])).toBe(false);
    expect(renewalDue([])).toBe(false);
  });

  it('completes a path only when every required course is passed', () => {
    expect(pathComplete([id(1), id(2)], [id(1)])).toBe(false);
    expect(pathComplete([id(1), id(2)], new Set([id(2), id(1), id(3)]))).toBe(true);
    expect(pathComplete([], [id(1)])).toBe(false);
  });

  it('makes readable verification codes and accepts them typed loosely', () => {
    const code = formatVerificationCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 31]));
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(code).not.toMatch(/[01IO]/);
    expect(normaliseVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
  });
});

describe('qualification', () => {
  const DATA = id(100);
  const CLOUD = id(101);
  it('lists gaps per job role and product line, counting each person once', () => {
    const r = qualificationCompliance(
      [
        { jobRole: 'presales', productLineId: DATA, headcount: 2 },
        { jobRole: 'sales', productLineId: DATA, headcount: 1 },
      ],
      [
        { userId: 'u1', jobRole: 'presales', productLineId: DATA },
        { userId: 'u1', jobRole: 'presales', productLineId: DATA },
        { userId: 'u2', jobRole: 'presales', productLineId: CLOUD },
        { userId: 'u3', jobRole: 'sales', productLineId: DATA },
      ],
    );
    expect(r.compliant).toBe(false);
    expect(r.lines).toEqual([
      { jobRole: 'presales', productLineId: DATA, headcount: 2, held: 1, missing: 1, holderIds: ['u1'] },
      { jobRole: 'sales', productLineId: DATA, headcount: 1, held: 1, missing: 0, holderIds: ['u3'] },
    ]);
  });

  it('is compliant with no requirements, and merges a repeated requirement at the larger headcount', () => {
    expect(qualificationCompliance([], []).compliant).toBe(true);
    const r = qualificationCompliance(
      [
        { jobRole: 'service', productLineId: DATA, headcount: 1 },
        { jobRole: 'service', productLineId: DATA, headcount: 3 },
      ],
      [{ userId: 'u1', jobRole: 'service', productLineId: DATA }],
    );
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0].missing).toBe(2);
  });

  it('passes the certified-staff check only when every agreement is met, naming each gap', () => {
    const met = { agreementNumber: 'PL-RG-1', lines: [{ jobRole: 'sales' as const, productLineCode: 'DATA', missing: 0 }] };
    const short = {
      agreementNumber: 'PL-EX-2',
      lines: [
        { jobRole: 'presales' as const, productLineCode: 'DATA', missing: 1 },
        { jobRole: 'sales' as const, productLineCode: 'DATA', missing: 0 },
      ],
    };
    expect(certifiedStaffCheck([met])).toEqual({ pass: true, gaps: [] });
    expect(certifiedStaffCheck([])).toEqual({ pass: true, gaps: [] });
    expect(certifiedStaffCheck([met, short])).toEqual({
      pass: false,
      gaps: [{ agreementNumber: 'PL-EX-2', jobRole: 'presales', productLineCode: 'DATA', missing: 1 }],
    });
  });

  it('schedules reviews every N months from the last one, or from the first agreement', () => {
    expect(nextQualificationReviewDue(null, '2026-01-31', 6)).toBe('2026-07-31');
    expect(nextQualificationReviewDue('2026-08-31', '2026-01-01', 6)).toBe('2027-02-28');
  });

  it('fails a review when any check fails, the computed certified-staff check included', () => {
    expect(
      qualificationReviewResult({ certifiedStaff: true, demoEnvironment: true, marketingQuality: true, afterSalesProcess: true }),
    ).toBe('pass');
    expect(
      qualificationReviewResult({ certifiedStaff: false, demoEnvironment: true, marketingQuality: true, afterSalesProcess: true }),
    ).toBe('fail');
  });
});

describe('schemas', () => {
  it('requires exactly one correct option on a single-choice question and one or more on a multiple-choice one', () => {
    expect(QuizQuestionSchema.safeParse({ ...single, options: single.options.map((o) => ({ ...o, correct: true })) }).success).toBe(false);
    expect(QuizQuestionSchema.safeParse({ ...multiple, options: multiple.options.map((o) => ({ ...o, correct: false })) }).success).toBe(
      false,
    );
    expect(QuizQuestionSchema.safeParse(multiple).success).toBe(true);
  });

  it('requires a module, a valid code and unique ids in a course', () => {
    const course = {
      code: 'DATA-101',
      title: 'x',
      track: 'gtm_sales',
      jobRole: 'sales',
      productLineId: id(100),
      language: 'zh-CN',
      modules: [{ id: id(1), title: 'm' }],
      quiz: [single],
    };
    expect(CourseInputSchema.safeParse(course).success).toBe(true);
    expect(CourseInputSchema.safeParse({ ...course, modules: [] }).success).toBe(false);
    expect(CourseInputSchema.safeParse({ ...course, code: 'data 101' }).success).toBe(false);
    expect(
      CourseInputSchema.safeParse({
        ...course,
        modules: [
          { id: id(1), title: 'a' },
          { id: id(1), title: 'b' },
        ],
      }).success,
    ).toBe(false);
    expect(CourseInputSchema.safeParse({ ...course, modules: [{ id: id(1), title: 'm', videoUrl: 'javascript:alert(1)' }] }).success).toBe(
      false,
    );
  });

  it('allows funds only on marketing support, approves funds only with an amount within the request', () => {
    expect(
      SupportRequestInputSchema.safeParse({ kind: 'technical_question', subject: 's', body: 'b', requestedFunds: '100.00' }).success,
    ).toBe(false);
    expect(SupportRequestInputSchema.safeParse({ kind: 'marketing_support', subject: 's', body: 'b', requestedFunds: '-1' }).success).toBe(
      false,
    );
    expect(
      SupportRequestInputSchema.safeParse({ kind: 'marketing_support', subject: 's', body: 'b', requestedFunds: '20000.00' }).success,
    ).toBe(true);
    expect(SupportFundsDecisionSchema.safeParse({ decision: 'approved' }).success).toBe(false);
    expect(fundsWithinRequest('20000.00', '20000')).toBe(true);
    expect(fundsWithinRequest('20000.00', '20000.01')).toBe(false);
    expect(fundsWithinRequest('20000.00', '0')).toBe(false);
  });
});
