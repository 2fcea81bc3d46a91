import { createHash } from 'node:crypto';
import { agreementNumber, certificationExpiresOn, type CourseInput, formatVerificationCode, type QuizQuestion } from '@partnerline/domain';
import type { EntityManager } from 'typeorm';
import { COURSES, PATHS } from './data/courses';

type Ids = Map<string, string>;
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** A stable UUID (v4 layout) derived from a name, so the demo catalogue has the same ids on every machine. */
function uuidFor(name: string): string {
  const h = createHash('sha256').update(`partnerline-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function codeFor(name: string): string {
  return formatVerificationCode(createHash('sha256').update(`certificate:${name}`).digest().subarray(0, 12));
}

/** [holder email, path index, earned days ago, revoked reason] */
const CERTIFICATES: [string, number, number, string | null][] = [
  ['sales2@huaxin.demo', 0, 600, null],
  ['presales@huaxin.demo', 1, 690, null],
  ['presales2@huaxin.demo', 1, 760, null],
  ['service@huaxin.demo', 2, 180, null],
  ['sales@lanting.demo', 0, 90, null],
  ['sales@lanting.demo', 3, 30, null],
  ['presales@lanting.demo', 1, 200, null],
  ['service@lanting.demo', 2, 45, null],
  ['sales@dingsheng.demo', 0, 300, '测验答案在合作伙伴内部群中外传，违反认证考试纪律。'],
];

/** Partners whose certified people are seeded here: [slug, [name, job role][]]. */
const STAFFED: [string, [string, 'sales' | 'presales' | 'service'][]][] = [
  ['yunfan', [['黄志刚', 'sales'], ['林晓', 'sales'], ['何静怡', 'sales'], ['梁宇', 'presales'], ['罗斌', 'presales'], ['谢芳', 'service']]],
  ['jinshi', [['徐涛', 'sales'], ['马丽', 'presales'], ['胡军', 'service']]],
  ['haina', [['郭鹏', 'sales'], ['曹雨', 'presales']]],
  ['zhiyuan', [['邓超', 'sales'], ['彭洁', 'presales'], ['曾伟', 'service']]],
  ['tianhe', [['蔡敏', 'sales'], ['潘浩', 'presales'], ['袁丽', 'service']]],
  ['qingyun', [['蒋华', 'sales'], ['韩雪', 'presales'], ['唐亮', 'service']]],
  ['xinghai', [['冯燕', 'sales'], ['董力', 'service']]],
];

/**
 * The training catalogue, certification paths, certificates at every stage (active, expiring, expired, revoked),
 * a learner part-way through a course, qualification reviews (done, overdue, upcoming) and support requests.
 * 华信智联 is out of compliance with its exclusive agreement; 兰亭科技 is compliant.
 */
export async function seedTraining(m: EntityManager, ctx: { partnerIds: Ids; vendor: Ids }) {
  const lines: { id: string; code: string }[] = await m.query(`SELECT id, code FROM product_lines`);
  const line = (c: string) => lines.find((l) => l.code === c)!.id;
  const manager = ctx.vendor.get('manager')!;
  const user = async (email: string) => (await m.query(`SELECT id, partner_id FROM users WHERE email = $1`, [email]))[0] as { id: string; partner_id: string };

  const courseIds = new Map<string, string>();
  for (const c of COURSES) {
    const modules: CourseInput['modules'] = c.modules.map((mod, i) => ({
      id: uuidFor(`${c.code}:module:${i}`),
      title: mod.title,
      body: mod.body,
      links: (mod.links ?? []).map(([label, url]) => ({ label, url })),
      videoUrl: mod.video ?? null,
    }));
    const quiz: QuizQuestion[] = c.quiz.map((q, i) => ({
      id: uuidFor(`${c.code}:q:${i}`),
      kind: q.multiple ? 'multiple' : 'single',
      prompt: q.prompt,
      options: q.options.map(([text, correct], j) => ({ id: uuidFor(`${c.code}:q:${i}:o:${j}`), text, correct })),
    }));
    const [row] = await m.query(
      `INSERT INTO courses (id, code, title, summary, track, job_role, product_line_id, language, duration_minutes, status, modules, quiz, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [uuidFor(`course:${c.code}`), c.code, c.title, c.summary, c.track, c.jobRole, line(c.line), c.language, c.minutes, c.status, JSON.stringify(modules), JSON.stringify(quiz), manager, daysAgo(800)],
    );
    courseIds.set(c.code, row.id);
  }

  const pathIds: string[] = [];
  for (const [name, jobRole, lineCode, codes] of PATHS) {
    const [row] = await m.query(`INSERT INTO certification_paths (name, job_role, product_line_id, course_ids) VALUES ($1, $2, $3, $4) RETURNING id`, [
      name,
      jobRole,
      line(lineCode),
      codes.map((c) => courseIds.get(c)!),
    ]);
    pathIds.push(row.id);
  }

  const moduleIds = (code: string) => COURSES.find((c) => c.code === code)!.modules.map((_, i) => uuidFor(`${code}:module:${i}`));
  for (const [email, pathIndex, ago, revoked] of CERTIFICATES) {
    const u = await user(email);
    const earned = daysAgo(ago);
    const [, , , codes] = PATHS[pathIndex];
    for (const code of codes) {
      const [e] = await m.query(
        `INSERT INTO enrolments (course_id, user_id, partner_id, status, completed_module_ids, passed_at, created_at) VALUES ($1, $2, $3, 'completed', $4, $5, $6)
         ON CONFLICT (course_id, user_id) DO UPDATE SET passed_at = EXCLUDED.passed_at RETURNING id`,
        [courseIds.get(code), u.id, u.partner_id, moduleIds(code), earned, new Date(earned.getTime() - 5 * DAY)],
      );
      await m.query(`INSERT INTO quiz_attempts (enrolment_id, cycle, attempt_no, answers, score_percent, passed, created_at) VALUES ($1, 1, 1, '[]', 100, true, $2) ON CONFLICT DO NOTHING`, [e.id, earned]);
    }
    const expiresOn = certificationExpiresOn(iso(earned), 24);
    const expiresIn = (Date.parse(expiresOn) - Date.now()) / DAY;
    await m.query(
      `INSERT INTO certifications (code, path_id, user_id, partner_id, earned_on, expires_on, reminders_sent, expiry_notified, revoked_at, revoked_by, revoked_reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        codeFor(`${email}:${pathIndex}`),
        pathIds[pathIndex],
        u.id,
        u.partner_id,
        iso(earned),
        expiresOn,
        expiresIn <= 30 ? [60, 30] : expiresIn <= 60 ? [60] : [],
        expiresIn < 0,
        revoked ? daysAgo(20) : null,
        revoked ? manager : null,
        revoked,
        earned,
      ],
    );
  }

  // Certified staff at more partners, so the picture is mixed: most registration partners comply, some do not.
  const [{ password_hash: hash }] = await m.query(`SELECT password_hash FROM users WHERE email = 'owner@huaxin.demo'`);
  for (const [i, [slug, people]] of STAFFED.entries()) {
    const partnerId = ctx.partnerIds.get(slug)!;
    const seen = new Map<string, number>();
    for (const [j, [name, jobRole]] of people.entries()) {
      const n = (seen.get(jobRole) ?? 0) + 1;
      seen.set(jobRole, n);
      const local = n === 1 ? jobRole : `${jobRole}${n}`;
      const [u] = await m.query(`INSERT INTO users (email, password_hash, display_name, role, job_role, partner_id, locale) VALUES ($1, $2, $3, 'partner_user', $4, $5, 'zh-CN') RETURNING id`, [
        `${local}@${slug}.demo`,
        hash,
        name,
        jobRole,
        partnerId,
      ]);
      const pathIndex = jobRole === 'sales' ? 0 : jobRole === 'presales' ? 1 : 2;
      const ago = 40 + ((i * 97 + j * 211) % 640);
      const code = PATHS[pathIndex][3][0];
      const earned = daysAgo(ago);
      const [e] = await m.query(`INSERT INTO enrolments (course_id, user_id, partner_id, status, completed_module_ids, passed_at, created_at) VALUES ($1, $2, $3, 'completed', $4, $5, $6) RETURNING id`, [
        courseIds.get(code),
        u.id,
        partnerId,
        moduleIds(code),
        earned,
        new Date(earned.getTime() - 3 * DAY),
      ]);
      await m.query(`INSERT INTO quiz_attempts (enrolment_id, cycle, attempt_no, answers, score_percent, passed, created_at) VALUES ($1, 1, 1, '[]', 80, true, $2)`, [e.id, earned]);
      const expiresOn = certificationExpiresOn(iso(earned), 24);
      await m.query(`INSERT INTO certifications (code, path_id, user_id, partner_id, earned_on, expires_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        codeFor(`${slug}:${j}`),
        pathIds[pathIndex],
        u.id,
        partnerId,
        iso(earned),
        expiresOn,
        earned,
      ]);
    }
  }

  // 王磊 (sales@huaxin.demo) has started the sales-process course; the GTM course that certifies him is still ahead.
  const wang = await user('sales@huaxin.demo');
  await m.query(`INSERT INTO enrolments (course_id, user_id, partner_id, completed_module_ids, created_at) VALUES ($1, $2, $3, $4, $5)`, [
    courseIds.get('DATA-SP-101'),
    wang.id,
    wang.partner_id,
    moduleIds('DATA-SP-101').slice(0, 1),
    daysAgo(3),
  ]);
  // 周凯 lets his presales certificate lapse and has restarted the course (one module done).
  const zhou = await user('presales2@huaxin.demo');
  await m.query(`UPDATE enrolments SET status = 'in_progress', passed_at = NULL, cycle = 2, completed_module_ids = $3 WHERE user_id = $1 AND course_id = $2`, [
    zhou.id,
    courseIds.get('DATA-TECH-201'),
    moduleIds('DATA-TECH-201').slice(0, 1),
  ]);

  // Qualification reviews: 华信 passed half a year ago and is now overdue; 鼎盛 failed last month; 兰亭 is due in 50 days.
  const checklist = (after: boolean, notes: string) => ({
    demoEnvironment: { pass: true, notes: '标准演示环境可用，15 分钟标准演示流程完整。' },
    marketingQuality: { pass: true, notes: '本季度举办 2 场行业沙龙，线索登记完整。' },
    afterSalesProcess: { pass: after, notes: after ? '一线运维流程与升级机制清晰。' : '未按 4 小时时限升级二线，两起故障处理超时。' },
    notes,
  });
  const huaxin = ctx.partnerIds.get('huaxin')!;
  const dingsheng = ctx.partnerIds.get('dingsheng')!;
  const lanting = ctx.partnerIds.get('lanting')!;
  await m.query(
    `INSERT INTO qualification_reviews (partner_id, due_on, status, result, certified_staff, checklist, reviewer_id, completed_at, created_at) VALUES ($1, $2, 'completed', 'pass', $3, $4, $5, $6, $7)`,
    [huaxin, iso(daysAgo(200)), JSON.stringify({ pass: true, gaps: [] }), JSON.stringify(checklist(true, '各项达标。')), manager, daysAgo(198), daysAgo(380)],
  );
  await m.query(`INSERT INTO qualification_reviews (partner_id, due_on, overdue_notified, created_at) VALUES ($1, $2, true, $3)`, [huaxin, iso(daysAgo(17)), daysAgo(198)]);
  const [dingshengAgreement] = (await m.query(`SELECT id, type, start_date::text AS start_date FROM agreements WHERE partner_id = $1 AND status = 'active' ORDER BY start_date LIMIT 1`, [dingsheng])).map(
    (a: { id: string; type: 'exclusive' | 'registration' | 'distribution'; start_date: string }) => ({ number: agreementNumber(a.type, a.start_date, a.id) }),
  );
  await m.query(
    `INSERT INTO qualification_reviews (partner_id, due_on, status, result, certified_staff, checklist, reviewer_id, completed_at, created_at) VALUES ($1, $2, 'completed', 'fail', $3, $4, $5, $6, $7)`,
    [
      dingsheng,
      iso(daysAgo(45)),
      JSON.stringify({ pass: false, gaps: [{ agreementNumber: dingshengAgreement?.number ?? '—', jobRole: 'sales', productLineCode: 'DATA', missing: 1 }] }),
      JSON.stringify(checklist(false, '限期 60 日内整改售后流程并补足认证人员。')),
      ctx.vendor.get('manager2')!,
      daysAgo(40),
      daysAgo(220),
    ],
  );
  await m.query(`INSERT INTO qualification_reviews (partner_id, due_on, created_at) VALUES ($1, $2, $3)`, [dingsheng, iso(new Date(Date.now() + 140 * DAY)), daysAgo(40)]);
  await m.query(`INSERT INTO qualification_reviews (partner_id, due_on, created_at) VALUES ($1, $2, $3)`, [lanting, iso(new Date(Date.now() + 50 * DAY)), daysAgo(130)]);

  // Support requests.
  const owner = async (slug: string) => (await user(`owner@${slug}.demo`)).id;
  const request = async (r: { partner: string; kind: string; subject: string; status: string; funds?: string; approved?: string; fundsStatus?: string; activityIn?: number; assignee?: string | null; ago: number; messages: [string | null, string, number][] }) => {
    const createdBy = await owner(r.partner);
    const [row] = await m.query(
      `INSERT INTO support_requests (partner_id, kind, subject, status, requested_funds, approved_funds, funds_status, activity_date, assignee_id, created_by, closed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        ctx.partnerIds.get(r.partner),
        r.kind,
        r.subject,
        r.status,
        r.funds ?? null,
        r.approved ?? null,
        r.fundsStatus ?? null,
        r.activityIn === undefined ? null : iso(new Date(Date.now() + r.activityIn * DAY)),
        r.assignee ?? null,
        createdBy,
        r.status === 'closed' ? daysAgo(r.messages[r.messages.length - 1][2]) : null,
        daysAgo(r.ago),
        daysAgo(r.messages[r.messages.length - 1][2]),
      ],
    );
    for (const [author, body, ago] of r.messages) await m.query(`INSERT INTO support_messages (request_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)`, [row.id, author === 'partner' ? createdBy : author, body, daysAgo(ago)]);
  };
  await request({
    partner: 'huaxin',
    kind: 'marketing_support',
    subject: '2026 年第四季度金融行业客户沙龙（北京）',
    status: 'in_progress',
    funds: '50000.00',
    fundsStatus: 'requested',
    activityIn: 30,
    assignee: manager,
    ago: 6,
    messages: [
      ['partner', '计划邀请 12 家城商行与农商行的信息科技部负责人，主题为“监管报送一体化”。申请场地与餐饮经费 5 万元，并希望厂商派一位售前专家现场演示。', 6],
      [manager, '方向很好。请补充活动议程和预计到场客户名单，我们据此审批经费并协调售前专家。', 5],
      ['partner', '议程与名单已整理好：上午主题分享与客户案例，下午分组演示；已确认到场 9 家。', 4],
    ],
  });
  await request({
    partner: 'lanting',
    kind: 'technical_question',
    subject: '数据连接器对接 Oracle 19c 时中文字段出现乱码',
    status: 'open',
    ago: 1,
    messages: [['partner', '客户库字符集为 ZHS16GBK，通过数据连接器包同步后中文字段显示为问号。连接器版本 3.2.1，已尝试设置 NLS_LANG，仍未解决。', 1]],
  });
  await request({
    partner: 'huaxin',
    kind: 'sales_coaching',
    subject: '某省电力公司数据中台项目投标辅导',
    status: 'closed',
    assignee: ctx.vendor.get('manager2')!,
    ago: 40,
    messages: [
      ['partner', '客户下月招标，希望厂商销售团队协助梳理评分标准与竞争策略。', 40],
      [ctx.vendor.get('manager2')!, '已安排两次辅导：第一次梳理技术评分项，第二次模拟述标。', 38],
      [ctx.vendor.get('manager2')!, '两次辅导已完成，投标文件已定稿。祝顺利！', 30],
    ],
  });
  await request({
    partner: 'dingsheng',
    kind: 'marketing_support',
    subject: '上海制造业数字化转型研讨会',
    status: 'in_progress',
    funds: '30000.00',
    approved: '20000.00',
    fundsStatus: 'approved',
    activityIn: 12,
    assignee: ctx.vendor.get('manager2')!,
    ago: 15,
    messages: [
      ['partner', '面向浦东新区 20 家制造企业的研讨会，申请 3 万元经费。', 15],
      [ctx.vendor.get('manager2')!, '批准 2 万元（场地与资料）；餐饮部分请按市场活动政策自理。', 12],
    ],
  });
  return { courses: COURSES.length, certificates: CERTIFICATES.length };
}
