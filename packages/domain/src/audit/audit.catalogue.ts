import type { Locale } from '../common/common.schema.js';
import { changedFields } from './audit.schema.js';

type Words = { en: string; zh: string };

/** Every kind of record the API audits (the `entity` column), in words. */
export const AUDIT_ENTITIES = {
  partner: { en: 'Partner', zh: '合作伙伴' },
  agreement: { en: 'Agreement', zh: '协议' },
  deal_registration: { en: 'Deal registration', zh: '商机报备' },
  conflict: { en: 'Conflict case', zh: '冲突案例' },
  direct_accounts: { en: 'Direct accounts', zh: '直销客户' },
  segment: { en: 'Segment', zh: '细分市场' },
  policies: { en: 'Policies', zh: '政策' },
  course: { en: 'Course', zh: '课程' },
  certification_path: { en: 'Certification path', zh: '认证路径' },
  certification: { en: 'Certificate', zh: '证书' },
  enrolment: { en: 'Enrolment', zh: '报名' },
  qualification_review: { en: 'Qualification review', zh: '资质复核' },
  support_request: { en: 'Support request', zh: '支持请求' },
  user: { en: 'User', zh: '用户' },
  session: { en: 'Sign-in session', zh: '登录会话' },
  job_run: { en: 'Job run', zh: '作业运行' },
  system: { en: 'System', zh: '系统' },
  sell_out_report: { en: 'Sell-out report', zh: '出货报告' },
  partner_invoice: { en: 'Partner invoice', zh: '伙伴发票' },
  rebate_run: { en: 'Rebate run', zh: '返点计算' },
  rebate_statement: { en: 'Rebate statement', zh: '返点对账单' },
  rebate_dispute: { en: 'Rebate dispute', zh: '返点异议' },
  rebate_reversal: { en: 'Won deal reversal', zh: '赢单冲回' },
  renewal_review: { en: 'Renewal review', zh: '续约评审' },
} as const satisfies Record<string, Words>;
export type AuditEntityKind = keyof typeof AUDIT_ENTITIES;
export const AUDIT_ENTITY_KINDS = Object.keys(AUDIT_ENTITIES) as AuditEntityKind[];

const REGISTRATION_STATUS_WORDS: Record<string, Words> = {
  draft: { en: 'Registration saved as draft', zh: '报备已存为草稿' },
  submitted: { en: 'Registration submitted', zh: '报备已提交' },
  in_review: { en: 'Registration put in review', zh: '报备进入审核' },
  in_conflict: { en: 'Registration in conflict', zh: '报备存在冲突' },
  approved: { en: 'Registration approved', zh: '报备已批准' },
  won: { en: 'Registration won', zh: '报备已赢单' },
  lost: { en: 'Registration lost', zh: '报备已丢单' },
  expired: { en: 'Registration expired', zh: '报备已过期' },
  rejected: { en: 'Registration rejected', zh: '报备已驳回' },
  withdrawn: { en: 'Registration withdrawn', zh: '报备已撤回' },
};

/**
 * Every action string the API writes (grep `action:` in apps/api/src/modules), in words.
 * A test in the API keeps this list complete.
 */
export const AUDIT_ACTIONS: Record<string, Words> = {
  'partner.applied': { en: 'Partner applied', zh: '合作伙伴提交申请' },
  'partner.assigned': { en: 'Partner assigned to a channel manager', zh: '合作伙伴已指派渠道经理' },
  'partner.scored': { en: 'Application scored', zh: '申请已评分' },
  'partner.info_answered': { en: 'Partner answered a question', zh: '合作伙伴已回复补充信息' },
  'partner.status_changed': { en: 'Partner status changed', zh: '合作伙伴状态变更' },
  'partner.decision.reject': { en: 'Application rejected', zh: '申请已拒绝' },
  'partner.decision.request_info': { en: 'More information requested', zh: '已要求补充信息' },
  'partner.decision.approve_trial': { en: 'Trial approved', zh: '已批准试合作' },
  'partner.decision.approve': { en: 'Application approved', zh: '申请已批准' },
  'partner.trial_success': { en: 'Trial succeeded', zh: '试合作成功' },
  'partner.trial_failure': { en: 'Trial failed', zh: '试合作失败' },
  'agreement.drafted': { en: 'Agreement drafted', zh: '协议已起草' },
  'agreement.edited': { en: 'Agreement edited', zh: '协议已编辑' },
  'agreement.submitted': { en: 'Agreement submitted for approval', zh: '协议已提交审批' },
  'agreement.approved': { en: 'Agreement approved', zh: '协议已批准' },
  'agreement.rejected': { en: 'Agreement rejected', zh: '协议已驳回' },
  'agreement.expired': { en: 'Agreement expired', zh: '协议已到期' },
  'agreement.terminated': { en: 'Agreement terminated', zh: '协议已终止' },
  'agreement.termination_effective': { en: 'Agreement termination took effect', zh: '协议终止已生效' },
  'agreement.amendment_submitted': { en: 'Amendment submitted', zh: '协议修订已提交' },
  'agreement.amendment_approved': { en: 'Amendment approved', zh: '协议修订已批准' },
  'agreement.amendment_rejected': { en: 'Amendment rejected', zh: '协议修订已驳回' },
  'registration.drafted': { en: 'Registration drafted', zh: '报备已起草' },
  'registration.extended': { en: 'Registration protection extended', zh: '报备保护期已延长' },
  'registration.evidence_added': { en: 'Evidence added to a registration', zh: '报备已添加证据' },
  ...Object.fromEntries(Object.entries(REGISTRATION_STATUS_WORDS).map(([s, w]) => [`registration.${s}`, w])),
  'conflict.opened': { en: 'Conflict case opened', zh: '冲突案例已创建' },
  'conflict.joined': { en: 'Registration joined a conflict case', zh: '报备加入冲突案例' },
  'conflict.award': { en: 'Conflict awarded', zh: '冲突已裁定归属' },
  'conflict.split': { en: 'Conflict split', zh: '冲突已拆分' },
  'conflict.reject_all': { en: 'Conflict: all registrations rejected', zh: '冲突：全部报备驳回' },
  'conflict.dismiss': { en: 'Conflict dismissed', zh: '冲突已撤销' },
  'direct_accounts.imported': { en: 'Direct accounts imported', zh: '直销客户已导入' },
  'segment.updated': { en: 'Segment updated', zh: '细分市场已更新' },
  'policies.updated': { en: 'Policies updated', zh: '政策已更新' },
  'course.created': { en: 'Course created', zh: '课程已创建' },
  'course.updated': { en: 'Course updated', zh: '课程已更新' },
  'course.draft': { en: 'Course back to draft', zh: '课程改回草稿' },
  'course.published': { en: 'Course published', zh: '课程已发布' },
  'course.archived': { en: 'Course archived', zh: '课程已归档' },
  'certification_path.created': { en: 'Certification path created', zh: '认证路径已创建' },
  'certification_path.updated': { en: 'Certification path updated', zh: '认证路径已更新' },
  'certification.earned': { en: 'Certificate earned', zh: '已获得证书' },
  'certification.expired': { en: 'Certificate expired', zh: '证书已过期' },
  'certification.revoked': { en: 'Certificate revoked', zh: '证书已吊销' },
  'enrolment.created': { en: 'Enrolled in a course', zh: '已报名课程' },
  'enrolment.module_completed': { en: 'Course module completed', zh: '已完成课程模块' },
  'enrolment.restarted': { en: 'Enrolment restarted', zh: '已重新学习' },
  'enrolment.attempts_reset': { en: 'Quiz attempts reset', zh: '测验次数已重置' },
  'quiz.passed': { en: 'Quiz passed', zh: '测验通过' },
  'quiz.failed': { en: 'Quiz failed', zh: '测验未通过' },
  'qualification_review.scheduled': { en: 'Qualification review scheduled', zh: '资质复核已安排' },
  'qualification_review.completed': { en: 'Qualification review completed', zh: '资质复核已完成' },
  'support.created': { en: 'Support request created', zh: '支持请求已创建' },
  'support.replied': { en: 'Support request answered', zh: '支持请求已回复' },
  'support.assigned': { en: 'Support request assigned', zh: '支持请求已指派' },
  'support.funds_approved': { en: 'Funds approved', zh: '经费已批准' },
  'support.funds_declined': { en: 'Funds declined', zh: '经费已拒绝' },
  'support.closed': { en: 'Support request closed', zh: '支持请求已关闭' },
  'user.invited': { en: 'User invited', zh: '用户已邀请' },
  'user.invitation_accepted': { en: 'Invitation accepted', zh: '邀请已接受' },
  'user.role_changed': { en: 'Role changed', zh: '角色已变更' },
  'user.disabled': { en: 'User disabled', zh: '用户已停用' },
  'user.enabled': { en: 'User enabled', zh: '用户已启用' },
  'user.preferences_updated': { en: 'Preferences updated', zh: '偏好设置已更新' },
  'user.password_reset_requested': { en: 'Password reset requested', zh: '已申请重置密码' },
  'user.password_reset': { en: 'Password reset', zh: '密码已重置' },
  'session.created': { en: 'Signed in', zh: '已登录' },
  'session.revoked': { en: 'Signed out', zh: '已退出登录' },
  run_now: { en: 'Job started by hand', zh: '手动运行作业' },
  'demo_data.loaded': { en: 'Demo data loaded', zh: '已加载演示数据' },
  'sell_out.reported': { en: 'Sell-out reported', zh: '出货数据已报送' },
  'sell_out.superseded': { en: 'Sell-out report replaced by a corrected one', zh: '出货报告已被更正后的报告替换' },
  'payment.recorded': { en: 'Invoice recorded', zh: '发票已登记' },
  'payment.imported': { en: 'Invoice imported', zh: '发票已导入' },
  'payment.paid': { en: 'Invoice payment recorded', zh: '发票付款已登记' },
  'rebate_quota.set': { en: 'Period quota set', zh: '考核期任务额已设定' },
  'rebate_quota.amended': { en: 'Period quota amended after the period started', zh: '考核期开始后任务额已修订' },
  'deposit.paid': { en: 'Deposit paid', zh: '保证金已缴纳' },
  'deposit.offset': { en: 'Deposit offset', zh: '保证金已抵扣' },
  'deposit.refunded': { en: 'Deposit refunded', zh: '保证金已退还' },
  'deposit.forfeited': { en: 'Deposit forfeited', zh: '保证金已没收' },
  'rebate_run.started': { en: 'Rebate run started', zh: '返点计算已启动' },
  'rebate_statement.approved': { en: 'Rebate statement approved', zh: '返点对账单已审批' },
  'rebate_statement.paid': { en: 'Rebate statement paid', zh: '返点对账单已付款' },
  'rebate_dispute.raised': { en: 'Statement line disputed', zh: '对账单明细已提出异议' },
  'rebate_dispute.resolved': { en: 'Rebate dispute resolved', zh: '返点异议已处理' },
  'rebate_reversal.created': { en: 'Won deal reversed for rebates', zh: '赢单已冲回（返点）' },
  'renewal_review.opened': { en: 'Renewal review opened', zh: '续约评审已开启' },
  'renewal_review.self_assessed': { en: 'Renewal self-assessment submitted', zh: '续约自评已提交' },
  'renewal_review.competition_finding': { en: 'Competition finding recorded', zh: '竞品排他核查结论已记录' },
  'renewal_review.escalated': { en: 'Overdue renewal decision escalated', zh: '逾期未决的续约评审已上报' },
  'renewal_review.decided': { en: 'Renewal decided', zh: '续约已决定' },
  'renewal_review.probation_checked': { en: 'Probation conditions checked', zh: '考察条件已核查' },
  'renewal_review.termination_applied': { en: 'Termination effects applied (deposit, partner status, registrations)', zh: '终止后续处理已执行（保证金、合作伙伴状态、报备）' },
  'partner.incident_recorded': { en: 'Incident recorded against the partner', zh: '已登记合作伙伴事件' },
};
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS).sort();

/** Field names that appear in audit snapshots, in words. */
export const AUDIT_FIELDS: Record<string, Words> = {
  status: { en: 'Status', zh: '状态' },
  role: { en: 'Role', zh: '角色' },
  jobRole: { en: 'Job role', zh: '岗位' },
  email: { en: 'Email', zh: '邮箱' },
  displayName: { en: 'Name', zh: '姓名' },
  name: { en: 'Name', zh: '名称' },
  disabled: { en: 'Disabled', zh: '已停用' },
  reason: { en: 'Reason', zh: '原因' },
  note: { en: 'Note', zh: '备注' },
  notes: { en: 'Notes', zh: '备注' },
  locale: { en: 'Language', zh: '语言' },
  timeZone: { en: 'Time zone', zh: '时区' },
  sessionsRevoked: { en: 'Sessions ended', zh: '已结束会话' },
  managerId: { en: 'Channel manager', zh: '渠道经理' },
  partnerId: { en: 'Partner', zh: '合作伙伴' },
  partnerName: { en: 'Partner', zh: '合作伙伴' },
  userId: { en: 'User', zh: '用户' },
  registrationId: { en: 'Registration', zh: '报备' },
  courseId: { en: 'Course', zh: '课程' },
  pathId: { en: 'Certification path', zh: '认证路径' },
  assigneeId: { en: 'Assignee', zh: '负责人' },
  expiresOn: { en: 'Expires on', zh: '到期日' },
  expiresAt: { en: 'Expires at', zh: '到期时间' },
  protectionEnds: { en: 'Protection ends', zh: '保护期截止' },
  dueOn: { en: 'Due on', zh: '截止日' },
  earnedOn: { en: 'Earned on', zh: '获得日期' },
  startsOn: { en: 'Starts on', zh: '开始日期' },
  endsOn: { en: 'Ends on', zh: '结束日期' },
  tier: { en: 'Tier', zh: '等级' },
  type: { en: 'Type', zh: '类型' },
  title: { en: 'Title', zh: '标题' },
  subject: { en: 'Subject', zh: '主题' },
  version: { en: 'Version', zh: '版本' },
  fundsStatus: { en: 'Funds', zh: '经费' },
  requested: { en: 'Requested', zh: '申请金额' },
  approved: { en: 'Approved', zh: '批准金额' },
  scorePercent: { en: 'Score', zh: '得分' },
  attemptNo: { en: 'Attempt', zh: '次数' },
  attemptsUsed: { en: 'Attempts used', zh: '已用次数' },
  customerName: { en: 'Customer', zh: '客户' },
  estimatedValue: { en: 'Estimated value', zh: '预计金额' },
  expectedCloseDate: { en: 'Expected close', zh: '预计成交日' },
  ip: { en: 'Address', zh: '地址' },
  resolution: { en: 'Resolution', zh: '处理结果' },
  rationale: { en: 'Rationale', zh: '理由' },
  decision: { en: 'Decision', zh: '决定' },
  outcome: { en: 'Outcome', zh: '结果' },
  filename: { en: 'File', zh: '文件' },
  cycle: { en: 'Cycle', zh: '周期' },
  potentialScore: { en: 'Potential', zh: '潜力' },
  difficultyScore: { en: 'Difficulty', zh: '难度' },
  strategy: { en: 'Strategy', zh: '策略' },
  agreementId: { en: 'Agreement', zh: '协议' },
  format: { en: 'Format', zh: '格式' },
  rowCount: { en: 'Rows', zh: '行数' },
  invoiceNo: { en: 'Invoice no.', zh: '发票号' },
  paidOn: { en: 'Paid on', zh: '付款日期' },
  imported: { en: 'Imported', zh: '已导入' },
  rejected: { en: 'Rejected', zh: '已拒绝' },
  periodStart: { en: 'Period start', zh: '考核期开始' },
  periodEnd: { en: 'Period end', zh: '考核期结束' },
  quota: { en: 'Quota', zh: '任务额' },
  amendmentReason: { en: 'Amendment reason', zh: '修订原因' },
  occurredOn: { en: 'Date', zh: '日期' },
  incidentId: { en: 'Incident', zh: '事件' },
  severity: { en: 'Severity', zh: '严重程度' },
  category: { en: 'Category', zh: '类别' },
  summary: { en: 'Summary', zh: '摘要' },
  reference: { en: 'Reference', zh: '凭证号' },
  amount: { en: 'Amount', zh: '金额' },
  endDate: { en: 'End date', zh: '到期日' },
  decideBy: { en: 'Decide by', zh: '决定截止日' },
  escalatedOn: { en: 'Escalated on', zh: '上报日期' },
  willRenew: { en: 'Will renew', zh: '愿意续约' },
  willNotRenew: { en: 'Will not renew', zh: '不续约' },
  competitionDeclaration: { en: 'Competition declaration', zh: '竞品声明' },
  proposedQuota: { en: 'Proposed quota', zh: '建议任务额' },
  finding: { en: 'Finding', zh: '核查结论' },
};

const pick = (w: Words, locale: Locale) => (locale === 'zh-CN' ? w.zh : w.en);

/** "protectionEnds" → "Protection ends": the fallback for a name not in a catalogue. */
export function humanizeName(name: string): string {
  const words = name
    .replace(/[._]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditActionLabel(action: string, locale: Locale): string {
  const w = AUDIT_ACTIONS[action];
  return w ? pick(w, locale) : humanizeName(action);
}

export function auditEntityLabel(entity: string, locale: Locale): string {
  const w = (AUDIT_ENTITIES as Record<string, Words>)[entity];
  return w ? pick(w, locale) : humanizeName(entity);
}

export function auditFieldLabel(field: string, locale: Locale): string {
  const w = AUDIT_FIELDS[field];
  return w ? pick(w, locale) : humanizeName(field);
}

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The field-level changes of an audit entry: for two object snapshots, the fields that differ;
 * a snapshot that is not an object (or only one side present) lists the other side's fields.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const asObject = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const b = asObject(before);
  const a = asObject(after);
  if (!b && !a) return [];
  return changedFields(b, a).map((field) => ({ field, before: b?.[field] ?? null, after: a?.[field] ?? null }));
}
