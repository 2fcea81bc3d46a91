import { z } from 'zod';
import type { Locale } from '../common/common.schema.js';
import { interpolate } from '../i18n/error-messages.js';

export const NotificationKindSchema = z.enum([
  'application.submitted',
  'application.assigned',
  'application.info_requested',
  'application.info_answered',
  'application.rejected',
  'application.trial_approved',
  'application.approved',
  'trial.succeeded',
  'trial.failed',
  'partner.status_changed',
  'user.invited',
  'user.invited_staff',
  'agreement.activated',
  'registration.submitted',
  'registration.approved',
  'registration.rejected',
  'registration.conflict_opened',
  'registration.conflict_resolved',
  'registration.expiring',
  'registration.expired',
  'registration.sla_breached',
  'training.enrolled',
  'certification.earned',
  'certification.expiring',
  'certification.expired',
  'certification.revoked',
  'qualification_review.scheduled',
  'qualification_review.overdue',
  'qualification_review.completed',
  'support.created',
  'support.replied',
  'support.assigned',
  'support.funds_decided',
  'support.closed',
  'renewal_review.opened',
  'renewal_review.will_not_renew',
  'renewal_review.overdue',
  'renewal_review.renewed',
  'renewal_review.renewed_on_probation',
  'renewal_review.terminated',
  'renewal_review.probation_met',
  'renewal_review.probation_not_met',
]);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

type Template = { title: string; body: string };

/** What each notification says, in both languages. Params: {partner}, {manager}, {reason}, {question}, {status}, {link}… */
const TEMPLATES: Record<NotificationKind, Record<Locale, Template>> = {
  'application.submitted': {
    en: {
      title: 'New partner application: {partner}',
      body: '{partner} applied to become a {type} partner. Assign a channel manager to start screening.',
    },
    'zh-CN': { title: '新的合作伙伴申请：{partner}', body: '{partner} 申请成为{type}合作伙伴，请指派渠道经理开始筛选评估。' },
  },
  'application.assigned': {
    en: { title: 'Application assigned: {partner}', body: '{manager} is now screening the application of {partner}.' },
    'zh-CN': { title: '申请已指派：{partner}', body: '{manager} 正在对 {partner} 的申请进行筛选评估。' },
  },
  'application.info_requested': {
    en: {
      title: 'More information needed for your application',
      body: 'Your channel manager asks: {question} — answer it on your application page.',
    },
    'zh-CN': { title: '您的申请需要补充信息', body: '渠道经理的问题：{question} —— 请在申请页面中回复。' },
  },
  'application.info_answered': {
    en: { title: '{partner} answered your question', body: 'Answer: {answer}' },
    'zh-CN': { title: '{partner} 已回复您的问题', body: '回复：{answer}' },
  },
  'application.rejected': {
    en: { title: 'Application not accepted: {partner}', body: 'Reason: {reason}' },
    'zh-CN': { title: '申请未通过：{partner}', body: '原因：{reason}' },
  },
  'application.trial_approved': {
    en: { title: 'Approved for a trial: {partner}', body: 'Project cooperation with {customer} until {endDate}. Scope: {scope}' },
    'zh-CN': { title: '已批准项目合作考察：{partner}', body: '与 {customer} 的项目合作，截至 {endDate}。范围：{scope}' },
  },
  'application.approved': {
    en: { title: 'Application approved: {partner}', body: '{partner} is approved as a partner; the next step is the partner agreement.' },
    'zh-CN': { title: '申请已通过：{partner}', body: '{partner} 已通过审批，下一步是签订合作协议。' },
  },
  'trial.succeeded': {
    en: { title: 'Trial succeeded: {partner}', body: 'The trial cooperation was recorded as a success. Notes: {notes}' },
    'zh-CN': { title: '项目合作考察成功：{partner}', body: '考察结果为成功。备注：{notes}' },
  },
  'trial.failed': {
    en: { title: 'Trial ended without success: {partner}', body: 'Notes: {notes}' },
    'zh-CN': { title: '项目合作考察未成功：{partner}', body: '备注：{notes}' },
  },
  'partner.status_changed': {
    en: { title: '{partner} is now {status}', body: 'Reason: {reason}' },
    'zh-CN': { title: '{partner} 状态变更为{status}', body: '原因：{reason}' },
  },
  'agreement.activated': {
    en: {
      title: 'Agreement in force: {partner}',
      body: 'Your {type} agreement has been approved and is now in force. See its scope, terms and obligations in the portal.',
    },
    'zh-CN': { title: '协议已生效：{partner}', body: '您的{type}协议已获批准并生效，可在门户中查看范围、条款和义务。' },
  },
  'registration.submitted': {
    en: { title: 'New registration: {customer}', body: '{partner} registered {customer}. Review it before {due}.' },
    'zh-CN': { title: '新报备：{customer}', body: '{partner} 报备了 {customer}，请在 {due} 前审核。' },
  },
  'registration.approved': {
    en: { title: 'Registration approved: {customer}', body: 'Protected until {until}.' },
    'zh-CN': { title: '报备已通过：{customer}', body: '保护期至 {until}。' },
  },
  'registration.rejected': {
    en: { title: 'Registration rejected: {customer}', body: 'Reason: {reason}' },
    'zh-CN': { title: '报备未通过：{customer}', body: '原因：{reason}' },
  },
  'registration.conflict_opened': {
    en: { title: 'Conflict on {customer}', body: 'The registration is in conflict ({kinds}); a channel manager will resolve it.' },
    'zh-CN': { title: '{customer} 存在商机冲突', body: '该报备存在冲突（{kinds}），渠道经理将进行协调。' },
  },
  'registration.conflict_resolved': {
    en: { title: 'Conflict resolved: {customer}', body: 'Outcome: {outcome}. {rationale}' },
    'zh-CN': { title: '冲突已协调：{customer}', body: '结果：{outcome}。{rationale}' },
  },
  'registration.expiring': {
    en: { title: 'Protection ends in {days} days: {customer}', body: 'Update progress and request an extension if you need more time.' },
    'zh-CN': { title: '{customer} 的保护期还剩 {days} 天', body: '如需更多时间，请更新进展并申请延期。' },
  },
  'registration.expired': {
    en: { title: 'Protection expired: {customer}', body: 'The registration is no longer protected.' },
    'zh-CN': { title: '{customer} 的保护期已结束', body: '该报备不再受保护。' },
  },
  'registration.sla_breached': {
    en: { title: 'Review overdue: {customer}', body: 'The registration by {partner} was due for review on {due}.' },
    'zh-CN': { title: '审核逾期：{customer}', body: '{partner} 的报备应于 {due} 前完成审核。' },
  },
  'training.enrolled': {
    en: { title: 'New course for you: {course}', body: '{by} enrolled you in {course}. Complete the modules and pass the quiz.' },
    'zh-CN': { title: '为您安排了新课程：{course}', body: '{by} 为您报名了 {course}，请学完各章节并通过测验。' },
  },
  'certification.earned': {
    en: {
      title: 'Certified: {certification}',
      body: '{holder} earned {certification}, valid until {expiresOn}. Verification code {code}.',
    },
    'zh-CN': { title: '获得认证：{certification}', body: '{holder} 获得 {certification} 认证，有效期至 {expiresOn}。验证码 {code}。' },
  },
  'certification.expiring': {
    en: {
      title: 'Certification expiring in {days} days: {certification}',
      body: '{holder}’s {certification} expires on {expiresOn}. Retake the course path to renew it.',
    },
    'zh-CN': {
      title: '认证将在 {days} 天后到期：{certification}',
      body: '{holder} 的 {certification} 认证将于 {expiresOn} 到期，请重新完成课程以续期。',
    },
  },
  'certification.expired': {
    en: {
      title: 'Certification expired: {certification}',
      body: '{holder}’s {certification} expired on {expiresOn} and no longer counts toward qualification.',
    },
    'zh-CN': { title: '认证已过期：{certification}', body: '{holder} 的 {certification} 认证已于 {expiresOn} 过期，不再计入资格要求。' },
  },
  'certification.revoked': {
    en: { title: 'Certification revoked: {certification}', body: '{holder}’s {certification} was revoked. Reason: {reason}' },
    'zh-CN': { title: '认证已撤销：{certification}', body: '{holder} 的 {certification} 认证已被撤销。原因：{reason}' },
  },
  'qualification_review.scheduled': {
    en: { title: 'Qualification review due {due}: {partner}', body: 'The periodic qualification review of {partner} is due on {due}.' },
    'zh-CN': { title: '资格认定审查将于 {due} 到期：{partner}', body: '{partner} 的定期资格认定审查应于 {due} 前完成。' },
  },
  'qualification_review.overdue': {
    en: { title: 'Qualification review overdue: {partner}', body: 'The qualification review of {partner} was due on {due}.' },
    'zh-CN': { title: '资格认定审查逾期：{partner}', body: '{partner} 的资格认定审查应于 {due} 前完成。' },
  },
  'qualification_review.completed': {
    en: {
      title: 'Qualification review completed: {result}',
      body: 'The qualification review of {partner} is complete. Result: {result}. {notes}',
    },
    'zh-CN': { title: '资格认定审查已完成：{result}', body: '{partner} 的资格认定审查已完成，结果：{result}。{notes}' },
  },
  'support.created': {
    en: { title: 'New support request {number}: {subject}', body: '{partner} asks for {kind}.' },
    'zh-CN': { title: '新的支持请求 {number}：{subject}', body: '{partner} 申请{kind}。' },
  },
  'support.replied': {
    en: { title: 'New reply on {number}: {subject}', body: '{author}: {excerpt}' },
    'zh-CN': { title: '{number} 有新回复：{subject}', body: '{author}：{excerpt}' },
  },
  'support.assigned': {
    en: { title: 'Support request {number} assigned to you', body: '{partner}: {subject}' },
    'zh-CN': { title: '支持请求 {number} 已指派给您', body: '{partner}：{subject}' },
  },
  'support.funds_decided': {
    en: { title: 'Funds {decision} for {number}', body: '{subject}: {amount}. {note}' },
    'zh-CN': { title: '{number} 经费申请{decision}', body: '{subject}：{amount}。{note}' },
  },
  'support.closed': {
    en: { title: 'Support request {number} closed', body: '{subject}. Resolution: {resolution}' },
    'zh-CN': { title: '支持请求 {number} 已关闭', body: '{subject}。处理结果：{resolution}' },
  },
  'renewal_review.opened': {
    en: { title: 'Renewal review opened: {partner}', body: 'The agreement of {partner} ends on {endDate}. The renewal review is open; a decision is due by {decideBy}.' },
    'zh-CN': { title: '续约评审已开启：{partner}', body: '{partner} 的协议将于 {endDate} 到期，续约评审已开启，须于 {decideBy} 前作出决定。' },
  },
  'renewal_review.will_not_renew': {
    en: { title: '{partner} will not renew', body: '{partner} declared in its self-assessment that it will not renew the agreement ending on {endDate}. Follow up with the partner.' },
    'zh-CN': { title: '{partner} 不续约', body: '{partner} 在自评中声明不续签将于 {endDate} 到期的协议，请跟进。' },
  },
  'renewal_review.overdue': {
    en: { title: 'Renewal decision overdue: {partner}', body: 'The renewal decision for {partner} was due by {decideBy}; the agreement ends on {endDate}.' },
    'zh-CN': { title: '续约决定逾期：{partner}', body: '{partner} 的续约决定应于 {decideBy} 前作出，协议将于 {endDate} 到期。' },
  },
  'renewal_review.renewed': {
    en: { title: 'Your agreement will be renewed', body: 'The agreement ending on {endDate} will be renewed from {successorStart}. Reason: {rationale}' },
    'zh-CN': { title: '您的协议将续签', body: '将于 {endDate} 到期的协议将自 {successorStart} 起续签。理由：{rationale}' },
  },
  'renewal_review.renewed_on_probation': {
    en: { title: 'Your agreement will be renewed on probation', body: 'The agreement ending on {endDate} will be renewed from {successorStart} on probation; {count} condition(s) are checked on {checkOn}. Reason: {rationale}' },
    'zh-CN': { title: '您的协议将附条件续签', body: '将于 {endDate} 到期的协议将自 {successorStart} 起附条件续签，{count} 项考察条件将于 {checkOn} 核查。理由：{rationale}' },
  },
  'renewal_review.terminated': {
    en: { title: 'Your agreement will not be renewed', body: 'The agreement ends on {endDate} and will not be renewed. Reason: {rationale}' },
    'zh-CN': { title: '您的协议不再续签', body: '协议将于 {endDate} 到期，不再续签。理由：{rationale}' },
  },
  'renewal_review.probation_met': {
    en: { title: 'Probation conditions met', body: 'All {count} probation condition(s) of {partner} were checked on {checkedOn} and met.' },
    'zh-CN': { title: '考察条件已达成', body: '{partner} 的全部 {count} 项考察条件已于 {checkedOn} 核查并达成。' },
  },
  'renewal_review.probation_not_met': {
    en: { title: 'Probation conditions not met', body: '{unmet} of {count} probation condition(s) of {partner} were not met at the check on {checkedOn}.' },
    'zh-CN': { title: '考察条件未达成', body: '{partner} 的 {count} 项考察条件中有 {unmet} 项在 {checkedOn} 核查时未达成。' },
  },
  'user.invited': {
    en: { title: 'You are invited to Partnerline', body: '{inviter} invited you to the {partner} team. Set your password: {link}' },
    'zh-CN': { title: '邀请您加入 Partnerline', body: '{inviter} 邀请您加入 {partner} 团队。设置密码：{link}' },
  },
  'user.invited_staff': {
    en: { title: 'You are invited to Partnerline', body: '{inviter} invited you to the Partnerline vendor workspace as {role}. Set your password (the link works once, for 7 days): {link}' },
    'zh-CN': { title: '邀请您加入 Partnerline', body: '{inviter} 邀请您以{role}身份加入 Partnerline 厂商工作台。设置密码（链接仅可使用一次，7 天内有效）：{link}' },
  },
};

const PARTNER_TYPE_NAMES: Record<Locale, Record<string, string>> = {
  en: { strategic: 'strategic', smb: 'SMB' },
  'zh-CN': { strategic: '战略', smb: '中小' },
};
const AGREEMENT_TYPE_NAMES: Record<Locale, Record<string, string>> = {
  en: { exclusive: 'exclusive', registration: 'registration', distribution: 'distribution' },
  'zh-CN': { exclusive: '独家', registration: '报备', distribution: '统销' },
};
const WORDS: Record<Locale, Record<string, string>> = {
  en: {
    pass: 'pass',
    fail: 'fail',
    approved: 'approved',
    declined: 'declined',
    marketing_support: 'marketing activity support',
    technical_question: 'an answer to a technical question',
    sales_coaching: 'sales coaching',
  },
  'zh-CN': {
    pass: '通过',
    fail: '未通过',
    approved: '已批准',
    declined: '未批准',
    marketing_support: '市场活动支持',
    technical_question: '技术问题解答',
    sales_coaching: '销售辅导',
  },
};
const STATUS_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    applied: 'applied',
    screening: 'in screening',
    rejected: 'rejected',
    trial: 'on trial',
    active: 'active',
    suspended: 'suspended',
    terminated: 'terminated',
  },
  'zh-CN': {
    applied: '已申请',
    screening: '筛选中',
    rejected: '已拒绝',
    trial: '考察期',
    active: '合作中',
    suspended: '已暂停',
    terminated: '已终止',
  },
};

const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  en: { vendor_admin: 'an administrator', channel_manager: 'a channel manager', leadership: 'leadership' },
  'zh-CN': { vendor_admin: '管理员', channel_manager: '渠道经理', leadership: '管理层' },
};

export function renderNotification(kind: NotificationKind, params: Record<string, unknown>, locale: Locale): Template {
  const t = TEMPLATES[kind][locale];
  const p = {
    ...params,
    type: params.type
      ? (PARTNER_TYPE_NAMES[locale][String(params.type)] ?? AGREEMENT_TYPE_NAMES[locale][String(params.type)] ?? params.type)
      : undefined,
    status: params.status ? (STATUS_NAMES[locale][String(params.status)] ?? params.status) : undefined,
    result: params.result ? (WORDS[locale][String(params.result)] ?? params.result) : undefined,
    decision: params.decision ? (WORDS[locale][String(params.decision)] ?? params.decision) : undefined,
    kind: params.kind ? (WORDS[locale][String(params.kind)] ?? params.kind) : undefined,
    role: params.role ? (ROLE_NAMES[locale][String(params.role)] ?? params.role) : undefined,
  };
  return { title: interpolate(t.title, p), body: interpolate(t.body, p) };
}

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: NotificationKindSchema,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ items: z.array(NotificationSchema), unread: z.number().int() });
