import type { CourseDetail, EnrolmentView, QuizResult } from '@partnerline/domain';
import { json } from '@partnerline/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPortal, PARTNER_ID, portalUser, USER_ID } from './test/open-portal';

afterEach(() => vi.unstubAllGlobals());

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const COURSE = id(100);
const ENROLMENT = id(200);
const M1 = id(301);
const M2 = id(302);
const Q1 = id(401);
const Q2 = id(402);
const [A1, A2, A3] = [id(501), id(502), id(503)];
const [B1, B2, B3] = [id(601), id(602), id(603)];
const LINE = id(700);

const enrolment = (extra: Partial<EnrolmentView> = {}): EnrolmentView => ({
  id: ENROLMENT,
  courseId: COURSE,
  userId: USER_ID,
  status: 'in_progress',
  completedModuleIds: [M1, M2],
  progressPercent: 66,
  attemptsUsed: 0,
  attemptsLeft: 3,
  bestScorePercent: null,
  passedAt: null,
  ...extra,
});

const course = (e: EnrolmentView | null): CourseDetail => ({
  id: COURSE,
  code: 'SEC-PRESALES-101',
  title: 'Zero-trust gateway for presales',
  summary: 'Position and demonstrate the gateway.',
  track: 'solution_technical',
  jobRole: 'presales',
  productLineId: LINE,
  productLineCode: 'SEC',
  language: 'en',
  durationMinutes: 90,
  status: 'published',
  moduleCount: 2,
  questionCount: 2,
  enrolment: e,
  enrolledCount: 3,
  updatedAt: '2026-03-01T00:00:00Z',
  modules: [
    { id: M1, title: 'Architecture', body: '## Components\n\nThe **gateway** sits in front of every app.', links: [{ label: 'Admin guide', url: 'https://docs.example.com/guide' }], videoUrl: 'https://video.example.com/1' },
    { id: M2, title: 'Demo script', body: 'Run the demo in *three* steps.', links: [], videoUrl: null },
  ],
  quiz: null,
  passMarkPercent: 80,
  attemptLimit: 3,
  certificationPaths: [{ id: id(800), name: 'Certified Security Presales' }],
});

const paper = {
  available: true,
  reason: null,
  attemptNo: 1,
  attemptsLeft: 3,
  passMarkPercent: 80,
  questions: [
    { id: Q1, kind: 'single', prompt: 'Where does the gateway sit?', options: [{ id: A1, text: 'In front of every app' }, { id: A2, text: 'Inside the database' }, { id: A3, text: 'On the printer' }] },
    { id: Q2, kind: 'multiple', prompt: 'Which are demo steps?', options: [{ id: B1, text: 'Enrol a device' }, { id: B2, text: 'Apply a policy' }, { id: B3, text: 'Reboot the router' }] },
  ],
};

const routes = (e: EnrolmentView | null, result?: QuizResult) => ({
  [`GET /api/courses/${COURSE}`]: json(course(e)),
  'GET /api/product-lines': json([{ id: LINE, code: 'SEC', nameZh: '安全网关', nameEn: 'Security gateway' }]),
  [`GET /api/enrolments/${ENROLMENT}/quiz`]: json(paper),
  ...(result ? { [`POST /api/enrolments/${ENROLMENT}/quiz-attempts`]: () => ({ status: 201, body: result }) } : {}),
});

const certificate = (status: 'active' | 'expiring' | 'expired') => ({
  id: id(900),
  code: 'ABCD-EFGH-JKLM',
  pathId: id(800),
  name: 'Certified Security Presales',
  jobRole: 'presales',
  productLineId: LINE,
  productLineCode: 'SEC',
  userId: USER_ID,
  holderName: 'Test',
  holderEmail: 'presales@example.com',
  partnerId: PARTNER_ID,
  partnerName: 'Example',
  earnedOn: '2024-12-01',
  expiresOn: '2026-11-30',
  status,
  revokedReason: null,
});

describe('certificate renewal on the course page', () => {
  it('offers to retake a passed course when its certificate is expiring, and enrols again', async () => {
    const done = enrolment({ status: 'completed', passedAt: '2024-12-01T00:00:00Z', bestScorePercent: 100, progressPercent: 100 });
    const { api } = openPortal(`/portal/learning/${COURSE}`, portalUser('partner_user'), {
      ...routes(done),
      'GET /api/certifications': json([certificate('expiring')]),
      [`POST /api/courses/${COURSE}/enrolments`]: () => ({ status: 201, body: enrolment({ completedModuleIds: [], progressPercent: 0 }) }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Retake the course' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST' && c.url.pathname === `/api/courses/${COURSE}/enrolments`)).toBe(true));
  });

  it('does not offer it while the certificate is fully valid', async () => {
    const done = enrolment({ status: 'completed', passedAt: '2024-12-01T00:00:00Z', bestScorePercent: 100, progressPercent: 100 });
    const { api } = openPortal(`/portal/learning/${COURSE}`, portalUser('partner_user'), { ...routes(done), 'GET /api/certifications': json([certificate('active')]) });
    expect(await screen.findByText('You passed this course')).toBeInTheDocument();
    // Only once the certificates have been read does the absence of the offer mean anything.
    await waitFor(() => expect(api.calls.some((c) => c.url.pathname === '/api/certifications')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Retake the course' })).not.toBeInTheDocument();
  });
});

describe('the course page', () => {
  it('shows the module content and marks a module as complete', async () => {
    const { api } = openPortal(`/portal/learning/${COURSE}`, portalUser('partner_user'), {
      ...routes(enrolment({ completedModuleIds: [], progressPercent: 0 })),
      [`POST /api/enrolments/${ENROLMENT}/modules/${M1}/complete`]: json(enrolment({ completedModuleIds: [M1], progressPercent: 33 })),
    });
    expect(await screen.findByRole('heading', { name: 'Zero-trust gateway for presales' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Components' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Admin guide' })).toHaveAttribute('href', 'https://docs.example.com/guide');
    expect(screen.getByRole('link', { name: 'Watch the video' })).toHaveAttribute('href', 'https://video.example.com/1');
    expect(screen.getByRole('button', { name: 'Start quiz' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Mark as complete' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST' && c.url.pathname === `/api/enrolments/${ENROLMENT}/modules/${M1}/complete`)).toBe(true));
  });

  it('never shows the correct answers before submitting, and shows a failed result without the answer key', async () => {
    const failed: QuizResult = {
      attemptNo: 1,
      scorePercent: 50,
      passMarkPercent: 80,
      passed: false,
      attemptsLeft: 2,
      correctCount: 1,
      questionCount: 2,
      questions: [
        { questionId: Q1, correct: true, selectedOptionIds: [A1], correctOptionIds: null },
        { questionId: Q2, correct: false, selectedOptionIds: [B1], correctOptionIds: null },
      ],
      certificationsEarned: [],
    };
    const { api } = openPortal(`/portal/learning/${COURSE}`, portalUser('partner_user'), routes(enrolment(), failed));
    await userEvent.click(await screen.findByRole('button', { name: 'Start quiz' }));
    // Single choice: radios; multiple choice: checkboxes; each labelled with the option's text.
    const single = await screen.findByRole('radio', { name: 'In front of every app' });
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.queryByText('Correct answer')).not.toBeInTheDocument();
    expect(screen.queryByText('Right')).not.toBeInTheDocument();

    await userEvent.click(single);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Enrol a device' }));
    await userEvent.click(screen.getByRole('button', { name: 'Submit answers' }));

    expect(await screen.findByText('Not passed')).toBeInTheDocument();
    const post = api.calls.find((c) => c.method === 'POST' && c.url.pathname.endsWith('/quiz-attempts'));
    expect(post?.body).toEqual({ answers: [{ questionId: Q1, optionIds: [A1] }, { questionId: Q2, optionIds: [B1] }] });
    expect(screen.getByText('50%')).toBeInTheDocument();
    expect(screen.getByText('80%')).toBeInTheDocument();
    expect(screen.getByText('Right')).toBeInTheDocument();
    expect(screen.getByText('Wrong')).toBeInTheDocument();
    expect(screen.getAllByText('Your answer')).toHaveLength(2);
    // The API withheld the key: nothing is marked as the correct answer.
    expect(screen.queryByText('Correct answer')).not.toBeInTheDocument();
    expect(screen.getByText('The correct answers are shown once you pass or have no attempts left.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('shows a pass with the answer key and the certification earned', async () => {
    const passed: QuizResult = {
      attemptNo: 1,
      scorePercent: 100,
      passMarkPercent: 80,
      passed: true,
      attemptsLeft: 2,
      correctCount: 2,
      questionCount: 2,
      questions: [
        { questionId: Q1, correct: true, selectedOptionIds: [A1], correctOptionIds: [A1] },
        { questionId: Q2, correct: true, selectedOptionIds: [B1, B2], correctOptionIds: [B1, B2] },
      ],
      certificationsEarned: [{ id: id(900), name: 'Certified Security Presales', code: 'K7QM-2XVA-9PLD' }],
    };
    openPortal(`/portal/learning/${COURSE}`, portalUser('partner_user'), routes(enrolment(), passed));
    await userEvent.click(await screen.findByRole('button', { name: 'Start quiz' }));
    await userEvent.click(await screen.findByRole('radio', { name: 'In front of every app' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Enrol a device' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Apply a policy' }));
    await userEvent.click(screen.getByRole('button', { name: 'Submit answers' }));

    expect((await screen.findAllByText('Passed')).length).toBeGreaterThan(0);
    expect(screen.queryByText('Not passed')).not.toBeInTheDocument();
    expect(screen.getAllByText('Correct answer')).toHaveLength(3);
    expect(screen.getByText('K7QM-2XVA-9PLD')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /See my certificates/ })).toHaveAttribute('href', '/portal/learning/certificates');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('speaks Chinese to a zh-CN reader', async () => {
    openPortal(`/portal/learning/${COURSE}`, portalUser('partner_user', { locale: 'zh-CN' }), routes(enrolment()), 'zh-CN');
    expect(await screen.findByRole('button', { name: '开始测验' })).toBeEnabled();
  });
});

describe('the team training page', () => {
  it('shows each agreement’s gaps in words and who is enrolled', async () => {
    const agreement = id(1000);
    openPortal('/portal/learning/team', portalUser('partner_admin'), {
      [`GET /api/partners/${PARTNER_ID}`]: json({ id: PARTNER_ID, users: [{ id: USER_ID, email: 'owner@huaxin.demo', displayName: '王磊', role: 'partner_admin', jobRole: null, disabled: false, invitationPending: false }] }),
      'GET /api/certifications': json([]),
      'GET /api/qualification': (req) => {
        expect(req.url.searchParams.get('partnerId')).toBe(PARTNER_ID);
        return {
          json: [
            { agreementId: agreement, agreementNumber: 'AGR-2026-0007', partnerId: PARTNER_ID, asOf: '2026-03-01', compliant: false, lines: [{ jobRole: 'presales', productLineId: LINE, productLineCode: 'SEC', required: 2, held: 1, missing: 1, holders: [{ userId: USER_ID, name: '王磊', expiresOn: '2027-01-01' }] }] },
            { agreementId: id(1001), agreementNumber: 'AGR-2026-0008', partnerId: PARTNER_ID, asOf: '2026-03-01', compliant: true, lines: [] },
          ],
        };
      },
      'GET /api/enrolments': json([{ ...enrolment(), courseCode: 'SEC-PRESALES-101', courseTitle: 'Zero-trust gateway for presales', userName: '李娜' }]),
      'GET /api/qualification-reviews': json([]),
      'GET /api/courses': json([]),
      'GET /api/product-lines': json([{ id: LINE, code: 'SEC', nameZh: '安全网关', nameEn: 'Security gateway' }]),
    });
    const first = await screen.findByRole('region', { name: 'AGR-2026-0007' });
    expect(within(first).getByText('Needs 1 more Presales certified on Security gateway')).toBeInTheDocument();
    expect(within(first).getByText('Not compliant')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'AGR-2026-0008' })).getByText('Compliant')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Enrolments' }));
    expect(await screen.findByText('李娜')).toBeInTheDocument();
  });
});

describe('the public certificate check', () => {
  it('says clearly that a revoked certificate is not valid, without signing in', async () => {
    openPortal('/portal/verify/K7QM-2XVA-9PLD', null, {
      'GET /api/certifications/verify/K7QM-2XVA-9PLD': json({ code: 'K7QM-2XVA-9PLD', holderName: '王磊', certification: 'Certified Security Presales', partnerName: '华信智联科技有限公司', earnedOn: '2025-01-10', expiresOn: '2027-01-10', status: 'revoked' }),
    });
    expect(await screen.findByRole('heading', { name: 'Revoked certificate' })).toBeInTheDocument();
    expect(screen.getByText('王磊')).toBeInTheDocument();
    expect(screen.getByText('华信智联科技有限公司')).toBeInTheDocument();
  });

  it('says when no certificate has the code', async () => {
    openPortal('/portal/verify/NOPE-NOPE-NOPE', null, {});
    expect(await screen.findByRole('heading', { name: 'No certificate with this code' })).toBeInTheDocument();
  });
});
