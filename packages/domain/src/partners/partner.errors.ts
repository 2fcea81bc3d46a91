import { defineErrors } from '../common/error-def.js';

/** Error codes of the partners module (applications, screening, partner users), with their status and both messages. */
export const partnerErrors = defineErrors({
  APPLICATION_EXISTS_TAX_ID: {
    status: 409,
    en: 'An application for this tax id already exists (reference {reference}, submitted {appliedOn}). Sign in with the account that submitted it to follow it, or contact your channel manager.',
    zh: '该税号已有申请（编号 {reference}，提交于 {appliedOn}）。请使用提交该申请的账号登录查看进度，或联系您的渠道经理。',
  },
  APPLICATION_EXISTS_DOMAIN: {
    status: 409,
    en: 'An application for this domain already exists (reference {reference}, submitted {appliedOn}). Sign in with the account that submitted it to follow it, or contact your channel manager.',
    zh: '该域名已有申请（编号 {reference}，提交于 {appliedOn}）。请使用提交该申请的账号登录查看进度，或联系您的渠道经理。',
  },
  APPLICATION_UNKNOWN_SEGMENT: {
    status: 422,
    en: 'Unknown industry or region: {missing}',
    zh: '行业或地区不存在：{missing}',
  },
  PARTNER_CLOSED_FOR_USERS: {
    status: 422,
    en: 'A rejected or terminated partner cannot add users.',
    zh: '已拒绝或已终止的合作伙伴不能添加用户。',
  },
  INVITATION_INVALID: {
    status: 422,
    en: 'This invitation link is invalid, already used or expired. Ask your administrator for a new one.',
    zh: '该邀请链接无效、已被使用或已过期，请联系管理员重新邀请。',
  },
  MANAGER_NOT_ASSIGNABLE: {
    status: 422,
    en: 'The manager must be an enabled channel manager.',
    zh: '负责人必须是已启用的渠道经理。',
  },
  SCORING_CLOSED: {
    status: 422,
    en: 'Only an applicant in screening or trial can be scored; scorecards belong to screening.',
    zh: '只有处于筛选或考察期的申请方可以评分；评分卡仅用于筛选阶段。',
  },
  SCORECARD_TYPE_MISMATCH: {
    status: 422,
    en: 'This scorecard is for the other partner type; use the scorecard of the type the partner applied as.',
    zh: '评分卡类型与合作伙伴申请的类型不符，请使用对应类型的评分卡。',
  },
  DECISION_NO_SCORECARD: {
    status: 422,
    en: 'Score the applicant with a scorecard before approving.',
    zh: '批准前请先用评分卡为申请方评分。',
  },
  DECISION_SCORECARD_FAILED: {
    status: 422,
    en: 'The latest scorecard did not pass (below the pass mark or knocked out); re-score or reject.',
    zh: '最近一次评分未通过（低于及格线或触发一票否决），请重新评分或拒绝。',
  },
  DECISION_ALREADY_APPROVED: {
    status: 422,
    en: 'This applicant is already approved.',
    zh: '该申请方已获批准。',
  },
  INFO_REQUEST_ANSWERED: {
    status: 409,
    en: 'This question has already been answered.',
    zh: '该问题已经回答过了。',
  },
});
