import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CourseInput, CourseStatus, CourseSummary, QuizQuestion, Scope } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../../common/database/like';
import { scopeCondition, whereClause } from '../../common/database/scope-sql';

export type CourseRow = {
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

export type EnrolmentRow = {
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

export type TeamEnrolmentRow = EnrolmentRow & {
  title: string;
  code: string;
  modules: CourseRow['modules'];
  quiz: QuizQuestion[];
  display_name: string;
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

const json = (v: unknown) => JSON.stringify(v);

/** Courses, enrolments and quiz attempts: the only SQL of the catalogue and learning. */
@Injectable()
export class CoursesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(q: {
    track?: string;
    jobRole?: string;
    productLineId?: string;
    status?: CourseStatus;
    q?: string;
    learnerId?: string;
  }): Promise<CourseRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    // A learner sees the published catalogue, plus anything they are already enrolled in.
    if (q.learnerId)
      where.push(
        `(c.status = 'published' OR EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = c.id AND e.user_id = $${params.push(q.learnerId)}))`,
      );
    else if (q.status) where.push(`c.status = $${params.push(q.status)}`);
    if (q.track) where.push(`c.track = $${params.push(q.track)}`);
    if (q.jobRole) where.push(`c.job_role = $${params.push(q.jobRole)}`);
    if (q.productLineId) where.push(`c.product_line_id = $${params.push(q.productLineId)}`);
    if (q.q)
      where.push(
        `(c.title ILIKE $${params.push(`%${escapeLike(q.q)}%`)} OR c.code ILIKE $${params.length} OR c.summary ILIKE $${params.length})`,
      );
    return this.db.query(`${COURSE_SELECT} ${whereClause(where)} ORDER BY c.track, c.code LIMIT 500`, params);
  }

  async course(m: EntityManager | DataSource, id: string, lock = false): Promise<CourseRow | null> {
    const rows: CourseRow[] = await m.query(`${COURSE_SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async courseCodeTaken(m: EntityManager, code: string, exceptId: string | null): Promise<string | null> {
    const [dupe]: { id: string }[] = await m.query(`SELECT id FROM courses WHERE code = $1 AND ($2::uuid IS NULL OR id <> $2)`, [
      code,
      exceptId,
    ]);
    return dupe?.id ?? null;
  }

  async insertCourse(m: EntityManager, input: CourseInput, createdBy: string): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO courses (code, title, summary, track, job_role, product_line_id, language, duration_minutes, modules, quiz, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [...courseValues(input), createdBy],
    );
    return row.id as string;
  }

  async updateCourse(m: EntityManager, id: string, input: CourseInput): Promise<void> {
    await m.query(
      `UPDATE courses SET code = $2, title = $3, summary = $4, track = $5, job_role = $6, product_line_id = $7, language = $8, duration_minutes = $9, modules = $10, quiz = $11 WHERE id = $1`,
      [id, ...courseValues(input)],
    );
  }

  async setCourseStatus(m: EntityManager, id: string, status: CourseStatus): Promise<void> {
    await m.query(`UPDATE courses SET status = $2 WHERE id = $1`, [id, status]);
  }

  /** Active certification paths a course belongs to (the course page shows them). */
  pathsOf(courseId: string): Promise<{ id: string; name: string }[]> {
    return this.db.query(`SELECT id, name FROM certification_paths WHERE $1 = ANY(course_ids) AND active ORDER BY name`, [courseId]);
  }

  // ── Enrolments ────────────────────────────────────────────────────────

  async isEnrolled(m: EntityManager | DataSource, courseId: string, userId: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM enrolments WHERE course_id = $1 AND user_id = $2`, [courseId, userId])).length > 0;
  }

  enrolmentsOf(userId: string): Promise<EnrolmentRow[]> {
    return this.db.query(`${ENROLMENT_SELECT} WHERE e.user_id = $1`, [userId]);
  }

  async enrolmentOf(m: EntityManager | DataSource, courseId: string, userId: string): Promise<EnrolmentRow | null> {
    const [e]: EnrolmentRow[] = await m.query(`${ENROLMENT_SELECT} WHERE e.course_id = $1 AND e.user_id = $2`, [courseId, userId]);
    return e ?? null;
  }

  /** Creates the enrolment unless it exists, then locks it; true when it was created. */
  async enrolAndLock(m: EntityManager, courseId: string, userId: string, partnerId: string): Promise<boolean> {
    const inserted = await m.query(
      `INSERT INTO enrolments (course_id, user_id, partner_id) VALUES ($1, $2, $3) ON CONFLICT (course_id, user_id) DO NOTHING RETURNING id`,
      [courseId, userId, partnerId],
    );
    await m.query(`SELECT 1 FROM enrolments WHERE course_id = $1 AND user_id = $2 FOR UPDATE`, [courseId, userId]);
    return inserted.length > 0;
  }

  /** A completed enrolment starts a new cycle (renewal): modules and the pass are cleared, attempts restart. */
  async restart(m: EntityManager, id: string): Promise<void> {
    await m.query(
      `UPDATE enrolments SET status = 'in_progress', completed_module_ids = '{}', passed_at = NULL, cycle = cycle + 1 WHERE id = $1`,
      [id],
    );
  }

  /**
   * An enrolment within a scope. With `lock`, the row is locked first and read in a new statement: under READ COMMITTED
   * the attempt count is then taken after the previous holder of the lock committed (a subquery in a locking SELECT
   * would still see the old snapshot).
   */
  async enrolment(m: EntityManager | DataSource, id: string, scope: Scope, lock = false): Promise<EnrolmentRow | null> {
    if (lock) await m.query(`SELECT 1 FROM enrolments WHERE id = $1 FOR UPDATE`, [id]);
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'e.partner_id', params);
    const rows: EnrolmentRow[] = await m.query(`${ENROLMENT_SELECT} WHERE e.id = $1 ${scoped ? `AND ${scoped}` : ''}`, params);
    return rows[0] ?? null;
  }

  async completeModule(m: EntityManager, id: string, moduleId: string): Promise<void> {
    await m.query(`UPDATE enrolments SET completed_module_ids = array_append(completed_module_ids, $2::uuid) WHERE id = $1`, [
      id,
      moduleId,
    ]);
  }

  async insertAttempt(
    m: EntityManager,
    a: { enrolmentId: string; cycle: number; attemptNo: number; answers: unknown; scorePercent: string; passed: boolean },
  ): Promise<void> {
    await m.query(
      `INSERT INTO quiz_attempts (enrolment_id, cycle, attempt_no, answers, score_percent, passed) VALUES ($1, $2, $3, $4, $5, $6)`,
      [a.enrolmentId, a.cycle, a.attemptNo, json(a.answers), a.scorePercent, a.passed],
    );
  }

  async markPassed(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query(`UPDATE enrolments SET status = 'completed', passed_at = $2 WHERE id = $1`, [id, at]);
  }

  async newCycle(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE enrolments SET cycle = cycle + 1 WHERE id = $1`, [id]);
  }

  /** Enrolments of a partner's people (the team view), or of one person, with the course and the person's name. */
  team(q: { scope: Scope; ownerId?: string; partnerId?: string; userId?: string }): Promise<TeamEnrolmentRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const scoped = scopeCondition(q.scope, 'e.partner_id', params);
    if (scoped) where.push(scoped);
    if (q.ownerId) where.push(`e.user_id = $${params.push(q.ownerId)}`);
    if (q.partnerId) where.push(`e.partner_id = $${params.push(q.partnerId)}`);
    if (q.userId) where.push(`e.user_id = $${params.push(q.userId)}`);
    return this.db.query(
      `SELECT ${ENROLMENT_COLUMNS}, c.title, c.code, c.modules, c.quiz, u.display_name
         FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN users u ON u.id = e.user_id
        ${whereClause(where)} ORDER BY u.display_name, c.code LIMIT 2000`,
      params,
    );
  }
}

/** The course's columns in the order both the INSERT and the UPDATE list them. */
function courseValues(input: CourseInput): unknown[] {
  return [input.code, input.title, input.summary, input.track, input.jobRole, input.productLineId, input.language, input.durationMinutes, json(input.modules), json(input.quiz)];
}
