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
  mayEnrol,
  type QuizAttemptInput,
  type QuizResult,
  scopePartnerId,
  foreignQuizAnswers,
  scoreQuiz,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeOf } from '../../common/auth/scope';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessNow } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { CatalogRepository } from '../catalog/catalog.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { PoliciesService } from '../policies/policies.service';
import { UsersRepository } from '../users/users.repository';
import { CertificationsService } from './certifications.service';
import { type CourseRow, CoursesRepository, type EnrolmentRow } from './courses.repository';

/** The catalogue (authoring for vendor staff), enrolments, module completion and server-scored quizzes. */
@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: CoursesRepository,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly certifications: CertificationsService,
    private readonly notifications: NotificationsService,
    private readonly users: UsersRepository,
    private readonly catalog: CatalogRepository,
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

  async list(
    q: { track?: string; jobRole?: string; productLineId?: string; status?: CourseStatus; q?: string },
    user: AuthenticatedUser,
  ): Promise<CourseSummary[]> {
    const partner = isPartnerRole(user.role);
    // Partners see the published catalogue, plus anything they are already enrolled in.
    const rows = await this.repo.list({ ...q, learnerId: partner ? user.id : undefined });
    const { training } = await this.policies.get();
    const mine = partner ? await this.repo.enrolmentsOf(user.id) : [];
    return rows.map((c) => {
      const e = mine.find((x) => x.course_id === c.id);
      return this.summary(c, e ? this.enrolmentView(e, c, training.quizAttemptLimit) : null);
    });
  }

  private async loadCourse(m: EntityManager | DataSource, id: string, user: AuthenticatedUser | null, lock = false): Promise<CourseRow> {
    const c = await this.repo.course(m, id, lock);
    if (!c) throw AppError.notFound('course', id);
    if (user && isPartnerRole(user.role) && c.status !== 'published' && !(await this.repo.isEnrolled(m, id, user.id)))
      throw AppError.notFound('course', id);
    return c;
  }

  async detail(id: string, user: AuthenticatedUser): Promise<CourseDetail> {
    const c = await this.loadCourse(this.db, id, user);
    const { training } = await this.policies.get();
    const partner = isPartnerRole(user.role);
    const e = partner ? await this.repo.enrolmentOf(this.db, id, user.id) : null;
    const paths = await this.repo.pathsOf(id);
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
      await this.assertCodeFree(m, input.code, null);
      await this.assertProductLine(m, input.productLineId);
      const id = await this.repo.insertCourse(m, input, actor.id);
      await this.audit.record(m, { entity: 'course', entityId: id, action: 'course.created', after: input });
      return id;
    });
  }

  private async assertProductLine(m: EntityManager, id: string) {
    if (!(await this.catalog.productLineExists(m, id))) throw new AppError('COURSE_PRODUCT_LINE_UNKNOWN', {}, { field: 'productLineId' });
  }

  private async assertCodeFree(m: EntityManager, code: string, exceptId: string | null) {
    const dupe = await this.repo.courseCodeTaken(m, code, exceptId);
    if (dupe) throw new AppError('COURSE_CODE_TAKEN', { code }, { existingCourseId: dupe });
  }

  async update(id: string, patch: { content?: CourseInput; status?: CourseStatus }, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const c = await this.loadCourse(m, id, null, true);
      const before = { status: c.status, code: c.code, title: c.title, modules: c.modules.length, quiz: c.quiz.length };
      if (patch.content) {
        const input = patch.content;
        if (input.code !== c.code) await this.assertCodeFree(m, input.code, id);
        await this.assertProductLine(m, input.productLineId);
        await this.repo.updateCourse(m, id, input);
      }
      if (patch.status && patch.status !== c.status) {
        const check = checkTransition(COURSE_TRANSITIONS, c.status, patch.status);
        if (!check.ok)
          throw new AppError(
            'INVALID_TRANSITION',
            { entity: 'course', from: c.status, to: patch.status, allowed: check.allowed.join(', ') || '—' },
            { from: c.status, to: patch.status, allowed: check.allowed },
          );
        const quiz = patch.content?.quiz ?? c.quiz;
        if (patch.status === 'published' && quiz.length === 0) throw new AppError('COURSE_QUIZ_REQUIRED', {}, { missing: ['quiz'] });
        await this.repo.setCourseStatus(m, id, patch.status);
      }
      const after = patch.content ? { ...patch.content, status: patch.status ?? c.status } : { status: patch.status ?? c.status };
      await this.audit.record(m, {
        entity: 'course',
        entityId: id,
        action: patch.status && patch.status !== c.status ? `course.${patch.status}` : 'course.updated',
        before,
        after,
      });
    });
  }

  /** Enrol yourself, or (partner admin) a member of your team. A completed course can be retaken to renew an expiring or expired certificate. */
  async enrol(courseId: string, targetUserId: string | undefined, actor: AuthenticatedUser): Promise<EnrolmentView> {
    const { training } = await this.policies.get();
    const tenant = scopePartnerId(scopeOf(actor));
    if (!tenant) throw new AppError('FORBIDDEN', { role: actor.role });
    const userId = targetUserId ?? actor.id;
    if (!mayEnrol(actor, userId)) throw new AppError('FORBIDDEN', { role: actor.role });
    return inTransaction(this.db, async (m) => {
      const c = await this.loadCourse(m, courseId, actor);
      if (c.status !== 'published') throw new AppError('COURSE_NOT_OPEN', {}, { status: c.status });
      if (!(await this.users.activeMember(m, userId, tenant))) throw AppError.notFound('user', userId);
      const inserted = await this.repo.enrolAndLock(m, courseId, userId, tenant);
      let e = (await this.repo.enrolmentOf(m, courseId, userId)) as EnrolmentRow;
      if (inserted) {
        await this.audit.record(m, {
          entity: 'enrolment',
          entityId: e.id,
          action: 'enrolment.created',
          after: { courseId, userId, by: actor.id },
        });
        if (userId !== actor.id) {
          const by = await this.users.displayName(m, actor.id);
          await this.notifications.notify(m, {
            userIds: [userId],
            kind: 'training.enrolled',
            params: { course: c.title, by },
            link: `/portal/learning/${courseId}`,
          });
        }
      } else if (e.status === 'completed' && (await this.certifications.renewable(m, userId, courseId))) {
        await this.repo.restart(m, e.id);
        await this.audit.record(m, {
          entity: 'enrolment',
          entityId: e.id,
          action: 'enrolment.restarted',
          after: { courseId, userId, reason: 'certification renewal' },
        });
        e = (await this.repo.enrolmentOf(m, courseId, userId)) as EnrolmentRow;
      }
      return this.enrolmentView(e, c, training.quizAttemptLimit);
    });
  }

  private async loadEnrolment(m: EntityManager | DataSource, id: string, actor: AuthenticatedUser, lock = false): Promise<EnrolmentRow> {
    const e = await this.repo.enrolment(m, id, scopeOf(actor), lock);
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
        await this.repo.completeModule(m, e.id, moduleId);
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
    const check = checkQuizAttempt({
      passed: e.passed_at !== null,
      attemptsUsed: e.attempts_used,
      attemptLimit: training.quizAttemptLimit,
      modulesDone: done,
      moduleCount: c.modules.length,
    });
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
      if (c.quiz.length === 0) throw new AppError('COURSE_NO_QUIZ', {}, { reason: 'no_quiz' });
      const done = completedModuleCount(e.completed_module_ids, c.modules);
      const check = checkQuizAttempt({
        passed: e.passed_at !== null,
        attemptsUsed: e.attempts_used,
        attemptLimit: training.quizAttemptLimit,
        modulesDone: done,
        moduleCount: c.modules.length,
      });
      if (!check.ok) {
        const code = (
          {
            already_passed: 'QUIZ_ALREADY_PASSED',
            modules_incomplete: 'QUIZ_MODULES_INCOMPLETE',
            no_attempts_left: 'QUIZ_NO_ATTEMPTS_LEFT',
          } as const
        )[check.reason];
        throw new AppError(code, { limit: training.quizAttemptLimit }, { reason: check.reason });
      }
      const foreign = foreignQuizAnswers(c.quiz, input);
      if (foreign.length) throw new AppError('QUIZ_FOREIGN_ANSWERS', { ids: foreign.slice(0, 5).join(', ') }, { ids: foreign });
      const score = scoreQuiz(c.quiz, input, training.quizPassMarkPercent);
      await this.repo.insertAttempt(m, {
        enrolmentId: e.id,
        cycle: e.cycle,
        attemptNo: check.attemptNo,
        answers: input.answers,
        scorePercent: score.scorePercent.toFixed(2),
        passed: score.passed,
      });
      await this.audit.record(m, {
        entity: 'enrolment',
        entityId: e.id,
        action: score.passed ? 'quiz.passed' : 'quiz.failed',
        after: { attemptNo: check.attemptNo, scorePercent: score.scorePercent, courseId: c.id },
      });
      let earned: QuizResult['certificationsEarned'] = [];
      if (score.passed) {
        await this.repo.markPassed(m, e.id, businessNow());
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
        questions: score.perQuestion.map((p) => ({
          questionId: p.questionId,
          correct: p.correct,
          selectedOptionIds: p.selectedOptionIds,
          correctOptionIds: reveal ? p.correctOptionIds : null,
        })),
        certificationsEarned: earned,
      };
    });
  }

  /** Vendor staff: give a learner who used every attempt a fresh set (modules done stay done). */
  async resetAttempts(enrolmentId: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const e = await this.loadEnrolment(m, enrolmentId, actor, true);
      if (e.passed_at) throw new AppError('LEARNER_ALREADY_PASSED', {}, { reason: 'already_passed' });
      await this.repo.newCycle(m, e.id);
      await this.audit.record(m, {
        entity: 'enrolment',
        entityId: e.id,
        action: 'enrolment.attempts_reset',
        before: { cycle: e.cycle, attemptsUsed: e.attempts_used },
        after: { cycle: e.cycle + 1, reason },
      });
    });
  }

  /** Enrolments of a partner's people (the team view), or of one user. */
  async enrolments(q: { partnerId?: string; userId?: string }, actor: AuthenticatedUser) {
    const rows = await this.repo.team({
      scope: scopeOf(actor),
      ownerId: actor.role === 'partner_user' ? actor.id : undefined,
      partnerId: q.partnerId,
      userId: q.userId,
    });
    const { training } = await this.policies.get();
    return rows.map((r) => ({
      ...this.enrolmentView(r, r, training.quizAttemptLimit),
      courseCode: r.code,
      courseTitle: r.title,
      userName: r.display_name,
    }));
  }
}
