import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  answerKeyRevealed,
  checkQuizAttempt,
  completedModuleCount,
  checkTransition,
  COURSE_TRANSITIONS,
  courseProgress,
  type CourseDetail,
  type CourseInput,
  type CourseStatus,
  type CourseSummary,
  type EnrolmentView,
  isPartnerRole,
  learnerQuiz,
  type QuizAttemptInput,
  type QuizQuestion,
  type QuizResult,
  scoreQuiz,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { tenantOf } from '../../common/auth/tenant-scope';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PoliciesService } from '../policies/policies.service';
import { CertificationsService } from './certifications.service';
import { escapeLike } from '../../common/database/like';

type CourseRow = {
  id: string;
  code: string;
  title: string;
  summary: string;
  track: CourseSummary['track'];
  job_role: CourseSummary['jobRole'];
  product_line_id: string;
  product_line_code: string;
  language: CourseSummary['language'];
  duration_minutes: number;
  status: CourseStatus;
  modules: CourseInput['modules'];
  quiz: QuizQuestion[];
  enrolled_count: number;
  updated_at: Date;
};

type EnrolmentRow = {
  id: string;
  course_id: string;
  user_id: string;
  partner_id: string;
  status: 'in_progress' | 'completed';
  completed_module_ids: string[];
  cycle: number;
  passed_at: Date | null;
  attempts_used: number;
  best_score: string | null;
};

const COURSE_SELECT = `
  SELECT c.*, pl.code AS product_line_code,
         (SELECT count(*)::int FROM enrolments e WHERE e.course_id = c.id) AS enrolled_count
    FROM courses c JOIN product_lines pl ON pl.id = c.product_line_id`;

/** An enrolment with the attempts of its current cycle counted. */
const ENROLMENT_COLUMNS = `e.*,
         (SELECT count(*)::int FROM quiz_attempts a WHERE a.enrolment_id = e.id AND a.cycle = e.cycle) AS attempts_used,
         (SELECT max(a.score_percent)::text FROM quiz_attempts a WHERE a.enrolment_id = e.id AND a.cycle = e.cycle) AS best_score`;
const ENROLMENT_SELECT = `SELECT ${ENROLMENT_COLUMNS} FROM enrolments e`;

/** The catalogue (authoring for vendor staff), enrolments, module completion and server-scored quizzes. */
@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly certifications: CertificationsService,
    private readonly notifications: NotificationsService,
  ) {}

  private enrolmentView(e: EnrolmentRow, c: Pick<CourseRow, 'modules' | 'quiz'>, attemptLimit: number): EnrolmentView {
    const done = completedModuleCount(e.completed_module_ids, c.modules);
    return {
      id: e.id,
      courseId: e.course_id,
      userId: e.user_id,
      status: e.status,
      completedModuleIds: e.completed_module_ids,
      progressPercent: courseProgress(done, c.modules.length, c.quiz.length > 0, e.passed_at !== null),
      attemptsUsed: e.attempts_used,
      attemptsLeft: Math.max(0, attemptLimit - e.attempts_used),
      bestScorePercent: e.best_score === null ? null : Number(e.best_score),
      passedAt: e.passed_at?.toISOString() ?? null,
    };
  }

  private summary(c: CourseRow, enrolment: EnrolmentView | null): CourseSummary {
    return {
      id: c.id,
      code: c.code,
      title: c.title,
      summary: c.summary,
      track: c.track,
      jobRole: c.job_role,
      productLineId: c.product_line_id,
      productLineCode: c.product_line_code,
      language: c.language,
      durationMinutes: c.duration_minutes,
      status: c.status,
      moduleCount: c.modules.length,
      questionCount: c.quiz.length,
      enrolment,
      enrolledCount: c.enrolled_count,
      updatedAt: c.updated_at.toISOString(),
    };
  }

  async list(q: { track?: string; jobRole?: string; productLineId?: string; status?: CourseStatus; q?: string }, user: AuthenticatedUser): Promise<CourseSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const partner = isPartnerRole(user.role);
    // Partners see the published catalogue, plus anything they are already enrolled in.
    if (partner) where.push(`(c.status = 'published' OR EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = c.id AND e.user_id = $${params.push(user.id)}))`);
    else if (q.status) where.push(`c.status = $${params.push(q.status)}`);
    if (q.track) where.push(`c.track = $${params.push(q.track)}`);
    if (q.jobRole) where.push(`c.job_role = $${params.push(q.jobRole)}`);
    if (q.productLineId) where.push(`c.product_line_id = $${params.push(q.productLineId)}`);
    if (q.q) where.push(`(c.title ILIKE $${params.push(`%${escapeLike(q.q)}%`)} OR c.code ILIKE $${params.length} OR c.summary ILIKE $${params.length})`);
    const rows: CourseRow[] = await this.db.query(`${COURSE_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.track, c.code LIMIT 500`, params);
    const { training } = await this.policies.get();
    const mine: EnrolmentRow[] = partner ? await this.db.query(`${ENROLMENT_SELECT} WHERE e.user_id = $1`, [user.id]) : [];
    return rows.map((c) => {
      const e = mine.find((x) => x.course_id === c.id);
      return this.summary(c, e ? this.enrolmentView(e, c, training.quizAttemptLimit) : null);
    });
  }

  private async loadCourse(m: EntityManager | DataSource, id: string, user: AuthenticatedUser | null, lock = false): Promise<CourseRow> {
    const rows: CourseRow[] = await m.query(`${COURSE_SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`, [id]);
    const c = rows[0];
    if (!c) throw AppError.notFound('course', id);
    if (user && isPartnerRole(user.role) && c.status !== 'published') {
      const [enrolled] = await m.query(`SELECT 1 FROM enrolments WHERE course_id = $1 AND user_id = $2`, [id, user.id]);
      if (!enrolled) throw AppError.notFound('course', id);
    }
    return c;
  }

  async detail(id: string, user: AuthenticatedUser): Promise<CourseDetail> {
    const c = await this.loadCourse(this.db, id, user);
    const { training } = await this.policies.get();
    const partner = isPartnerRole(user.role);
    const [e]: EnrolmentRow[] = partner ? await this.db.query(`${ENROLMENT_SELECT} WHERE e.course_id = $1 AND e.user_id = $2`, [id, user.id]) : [];
    const paths: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM certification_paths WHERE $1 = ANY(course_ids) AND active ORDER BY name`, [id]);
    return {
      ...this.summary(c, e ? this.enrolmentView(e, c, training.quizAttemptLimit) : null),
      modules: c.modules,
      // The answer key never leaves the server for a learner.
      quiz: partner ? null : c.quiz,
      passMarkPercent: training.quizPassMarkPercent,
      attemptLimit: training.quizAttemptLimit,
      certificationPaths: paths,
    };
  }

  async create(input: CourseInput, actor: AuthenticatedUser): Promise<string> {
    return inTransaction(this.db, async (m) => {
      const [dupe] = await m.query(`SELECT id FROM courses WHERE code = $1`, [input.code]);
      if (dupe) throw AppError.conflict(`A course with code ${input.code} already exists.`, { existingCourseId: dupe.id });
      await this.assertProductLine(m, input.productLineId);
      const [row] = await m.query(
        `INSERT INTO courses (code, title, summary, track, job_role, product_line_id, language, duration_minutes, modules, quiz, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [input.code, input.title, input.summary, input.track, input.jobRole, input.productLineId, input.language, input.durationMinutes, JSON.stringify(input.modules), JSON.stringify(input.quiz), actor.id],
      );
      await this.audit.record(m, { entity: 'course', entityId: row.id, action: 'course.created', after: input });
      return row.id as string;
    });
  }

  private async assertProductLine(m: EntityManager, id: string) {
    const [pl] = await m.query(`SELECT 1 FROM product_lines WHERE id = $1`, [id]);
    if (!pl) throw AppError.unprocessable('The product line does not exist.', { field: 'productLineId' });
  }

  async update(id: string, patch: { content?: CourseInput; status?: CourseStatus }, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const c = await this.loadCourse(m, id, null, true);
      const before = { status: c.status, code: c.code, title: c.title, modules: c.modules.length, quiz: c.quiz.length };
      if (patch.content) {
        const input = patch.content;
        if (input.code !== c.code) {
          const [dupe] = await m.query(`SELECT id FROM courses WHERE code = $1 AND id <> $2`, [input.code, id]);
          if (dupe) throw AppError.conflict(`A course with code ${input.code} already exists.`, { existingCourseId: dupe.id });
        }
        await this.assertProductLine(m, input.productLineId);
        await m.query(
          `UPDATE courses SET code = $2, title = $3, summary = $4, track = $5, job_role = $6, product_line_id = $7, language = $8, duration_minutes = $9, modules = $10, quiz = $11 WHERE id = $1`,
          [id, input.code, input.title, input.summary, input.track, input.jobRole, input.productLineId, input.language, input.durationMinutes, JSON.stringify(input.modules), JSON.stringify(input.quiz)],
        );
      }
      if (patch.status && patch.status !== c.status) {
        const check = checkTransition(COURSE_TRANSITIONS, c.status, patch.status);
        if (!check.ok) throw new AppError('INVALID_TRANSITION', { entity: 'course', from: c.status, to: patch.status, allowed: check.allowed.join(', ') || '—' }, { from: c.status, to: patch.status, allowed: check.allowed });
        const quiz = patch.content?.quiz ?? c.quiz;
        if (patch.status === 'published' && quiz.length === 0) throw AppError.unprocessable('A course needs a quiz before it can be published.', { missing: ['quiz'] });
        await m.query(`UPDATE courses SET status = $2 WHERE id = $1`, [id, patch.status]);
      }
      const after = patch.content ? { ...patch.content, status: patch.status ?? c.status } : { status: patch.status ?? c.status };
      await this.audit.record(m, { entity: 'course', entityId: id, action: patch.status && patch.status !== c.status ? `course.${patch.status}` : 'course.updated', before, after });
    });
  }

  /** Enrol yourself, or (partner admin) a member of your team. A completed course can be retaken to renew an expiring or expired certificate. */
  async enrol(courseId: string, targetUserId: string | undefined, actor: AuthenticatedUser): Promise<EnrolmentView> {
    const { training } = await this.policies.get();
    const tenant = tenantOf(actor);
    if (!tenant) throw new AppError('FORBIDDEN', { role: actor.role });
    const userId = targetUserId ?? actor.id;
    if (userId !== actor.id && actor.role !== 'partner_admin') throw new AppError('FORBIDDEN', { role: actor.role });
    return inTransaction(this.db, async (m) => {
      const c = await this.loadCourse(m, courseId, actor);
      if (c.status !== 'published') throw AppError.unprocessable('This course is not open for enrolment.', { status: c.status });
      const [target] = await m.query(`SELECT id, display_name FROM users WHERE id = $1 AND partner_id = $2 AND disabled_at IS NULL`, [userId, tenant]);
      if (!target) throw AppError.notFound('user', userId);
      const inserted = await m.query(`INSERT INTO enrolments (course_id, user_id, partner_id) VALUES ($1, $2, $3) ON CONFLICT (course_id, user_id) DO NOTHING RETURNING id`, [courseId, userId, tenant]);
      await m.query(`SELECT 1 FROM enrolments WHERE course_id = $1 AND user_id = $2 FOR UPDATE`, [courseId, userId]);
      let [e]: EnrolmentRow[] = await m.query(`${ENROLMENT_SELECT} WHERE e.course_id = $1 AND e.user_id = $2`, [courseId, userId]);
      if (inserted.length) {
        await this.audit.record(m, { entity: 'enrolment', entityId: e.id, action: 'enrolment.created', after: { courseId, userId, by: actor.id } });
        if (userId !== actor.id) {
          const [by] = await m.query(`SELECT display_name FROM users WHERE id = $1`, [actor.id]);
          await this.notifications.notify(m, { userIds: [userId], kind: 'training.enrolled', params: { course: c.title, by: by.display_name }, link: `/portal/learning/${courseId}` });
        }
      } else if (e.status === 'completed' && (await this.certifications.renewable(m, userId, courseId))) {
        await m.query(`UPDATE enrolments SET status = 'in_progress', completed_module_ids = '{}', passed_at = NULL, cycle = cycle + 1 WHERE id = $1`, [e.id]);
        await this.audit.record(m, { entity: 'enrolment', entityId: e.id, action: 'enrolment.restarted', after: { courseId, userId, reason: 'certification renewal' } });
        [e] = await m.query(`${ENROLMENT_SELECT} WHERE e.id = $1`, [e.id]);
      }
      return this.enrolmentView(e, c, training.quizAttemptLimit);
    });
  }

  private async loadEnrolment(m: EntityManager | DataSource, id: string, actor: AuthenticatedUser, lock = false): Promise<EnrolmentRow> {
    const tenant = tenantOf(actor);
    // Lock first, then read in a new statement: under READ COMMITTED the attempt count is then taken after the
    // previous holder of the lock committed (a subquery in a locking SELECT would still see the old snapshot).
    if (lock) await m.query(`SELECT 1 FROM enrolments WHERE id = $1 FOR UPDATE`, [id]);
    const rows: EnrolmentRow[] = await m.query(`${ENROLMENT_SELECT} WHERE e.id = $1 AND ($2::uuid IS NULL OR e.partner_id = $2)`, [id, tenant]);
    const e = rows[0];
    // A learner works on their own enrolment; a partner admin may look at the team's.
    if (!e || (actor.role === 'partner_user' && e.user_id !== actor.id)) throw AppError.notFound('enrolment', id);
    return e;
  }

  async completeModule(enrolmentId: string, moduleId: string, actor: AuthenticatedUser): Promise<EnrolmentView> {
    const { training } = await this.policies.get();
    return inTransaction(this.db, async (m) => {
      const e = await this.loadEnrolment(m, enrolmentId, actor, true);
      if (e.user_id !== actor.id) throw new AppError('FORBIDDEN', { role: actor.role });
      const c = await this.loadCourse(m, e.course_id, null);
      if (!c.modules.some((x) => x.id === moduleId)) throw AppError.notFound('module', moduleId);
      if (!e.completed_module_ids.includes(moduleId)) {
        await m.query(`UPDATE enrolments SET completed_module_ids = array_append(completed_module_ids, $2::uuid) WHERE id = $1`, [e.id, moduleId]);
        await this.audit.record(m, { entity: 'enrolment', entityId: e.id, action: 'enrolment.module_completed', after: { moduleId } });
        e.completed_module_ids = [...e.completed_module_ids, moduleId];
      }
      return this.enrolmentView(e, c, training.quizAttemptLimit);
    });
  }

  /** The quiz for the next attempt: shuffled per enrolment and attempt, without the answer key. */
  async quiz(enrolmentId: string, actor: AuthenticatedUser) {
    const { training } = await this.policies.get();
    const e = await this.loadEnrolment(this.db, enrolmentId, actor);
    const c = await this.loadCourse(this.db, e.course_id, null);
    const done = completedModuleCount(e.completed_module_ids, c.modules);
    const check = checkQuizAttempt({ passed: e.passed_at !== null, attemptsUsed: e.attempts_used, attemptLimit: training.quizAttemptLimit, modulesDone: done, moduleCount: c.modules.length });
    const attemptNo = check.ok ? check.attemptNo : e.attempts_used + 1;
    return {
      available: check.ok,
      reason: check.ok ? null : check.reason,
      attemptNo,
      attemptsLeft: Math.max(0, training.quizAttemptLimit - e.attempts_used),
      passMarkPercent: training.quizPassMarkPercent,
      questions: check.ok ? learnerQuiz(c.quiz, `${e.id}:${e.cycle}:${attemptNo}`) : [],
    };
  }

  async attempt(enrolmentId: string, input: QuizAttemptInput, actor: AuthenticatedUser): Promise<QuizResult> {
    const { training } = await this.policies.get();
    return inTransaction(this.db, async (m) => {
      const e = await this.loadEnrolment(m, enrolmentId, actor, true);
      if (e.user_id !== actor.id) throw new AppError('FORBIDDEN', { role: actor.role });
      const c = await this.loadCourse(m, e.course_id, null);
      if (c.quiz.length === 0) throw AppError.unprocessable('This course has no quiz.', { reason: 'no_quiz' });
      const done = completedModuleCount(e.completed_module_ids, c.modules);
      const check = checkQuizAttempt({ passed: e.passed_at !== null, attemptsUsed: e.attempts_used, attemptLimit: training.quizAttemptLimit, modulesDone: done, moduleCount: c.modules.length });
      if (!check.ok) {
        const detail = { already_passed: 'You have already passed this quiz.', modules_incomplete: 'Complete every module before taking the quiz.', no_attempts_left: `All ${training.quizAttemptLimit} attempts are used; ask your channel manager to reset the course.` }[check.reason];
        throw AppError.unprocessable(detail, { reason: check.reason });
      }
      const score = scoreQuiz(c.quiz, input, training.quizPassMarkPercent);
      await m.query(`INSERT INTO quiz_attempts (enrolment_id, cycle, attempt_no, answers, score_percent, passed) VALUES ($1, $2, $3, $4, $5, $6)`, [
        e.id,
        e.cycle,
        check.attemptNo,
        JSON.stringify(input.answers),
        score.scorePercent.toFixed(2),
        score.passed,
      ]);
      await this.audit.record(m, { entity: 'enrolment', entityId: e.id, action: score.passed ? 'quiz.passed' : 'quiz.failed', after: { attemptNo: check.attemptNo, scorePercent: score.scorePercent, courseId: c.id } });
      let earned: QuizResult['certificationsEarned'] = [];
      if (score.passed) {
        await m.query(`UPDATE enrolments SET status = 'completed', passed_at = now() WHERE id = $1`, [e.id]);
        earned = await this.certifications.awardCompletedPaths(m, e.user_id, e.partner_id, c.id);
      }
      const attemptsLeft = Math.max(0, training.quizAttemptLimit - check.attemptNo);
      const reveal = answerKeyRevealed(score.passed, attemptsLeft);
      return {
        attemptNo: check.attemptNo,
        scorePercent: score.scorePercent,
        passMarkPercent: training.quizPassMarkPercent,
        passed: score.passed,
        attemptsLeft: score.passed ? 0 : attemptsLeft,
        correctCount: score.correctCount,
        questionCount: score.questionCount,
        questions: score.perQuestion.map((p) => ({ questionId: p.questionId, correct: p.correct, selectedOptionIds: p.selectedOptionIds, correctOptionIds: reveal ? p.correctOptionIds : null })),
        certificationsEarned: earned,
      };
    });
  }

  /** Vendor staff: give a learner who used every attempt a fresh set (modules done stay done). */
  async resetAttempts(enrolmentId: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const e = await this.loadEnrolment(m, enrolmentId, actor, true);
      if (e.passed_at) throw AppError.unprocessable('This learner has already passed the quiz.', { reason: 'already_passed' });
      await m.query(`UPDATE enrolments SET cycle = cycle + 1 WHERE id = $1`, [e.id]);
      await this.audit.record(m, { entity: 'enrolment', entityId: e.id, action: 'enrolment.attempts_reset', before: { cycle: e.cycle, attemptsUsed: e.attempts_used }, after: { cycle: e.cycle + 1, reason } });
    });
  }

  /** Enrolments of a partner's people (the team view), or of one user. */
  async enrolments(q: { partnerId?: string; userId?: string }, actor: AuthenticatedUser) {
    const tenant = tenantOf(actor);
    const params: unknown[] = [];
    const where: string[] = [];
    if (tenant) where.push(`e.partner_id = $${params.push(tenant)}`);
    if (actor.role === 'partner_user') where.push(`e.user_id = $${params.push(actor.id)}`);
    if (q.partnerId) where.push(`e.partner_id = $${params.push(q.partnerId)}`);
    if (q.userId) where.push(`e.user_id = $${params.push(q.userId)}`);
    const rows: (EnrolmentRow & { title: string; code: string; modules: CourseRow['modules']; quiz: QuizQuestion[]; display_name: string })[] = await this.db.query(
      `SELECT ${ENROLMENT_COLUMNS}, c.title, c.code, c.modules, c.quiz, u.display_name
         FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN users u ON u.id = e.user_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.display_name, c.code LIMIT 2000`,
      params,
    );
    const { training } = await this.policies.get();
    return rows.map((r) => ({ ...this.enrolmentView(r, r, training.quizAttemptLimit), courseCode: r.code, courseTitle: r.title, userName: r.display_name }));
  }
}
