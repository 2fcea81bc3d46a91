import { defineErrors } from '../common/error-def.js';

/**
 * Error codes of renewal reviews (open, facts, self-assessment, competition finding, decision, probation,
 * incidents, vendor ratings), with their status and both messages. Each helper adds its codes here.
 */
export const renewalErrors = defineErrors({
  RENEWAL_REVIEW_EXISTS: {
    status: 409,
    en: 'This agreement already has a renewal review ({reviewId}).',
    zh: '该协议已有续约评审（{reviewId}）。',
  },
  RENEWAL_AGREEMENT_NOT_ACTIVE: {
    status: 422,
    en: 'Only an active agreement can be reviewed for renewal (this one is {status}).',
    zh: '只有生效中的协议可以进行续约评审（该协议状态为 {status}）。',
  },
  RENEWAL_REVIEW_CLOSED: {
    status: 409,
    en: 'This renewal review is {status}: it no longer takes changes.',
    zh: '该续约评审状态为 {status}，不再接受修改。',
  },
  RENEWAL_SELF_ASSESSMENT_EXISTS: {
    status: 409,
    en: 'The self-assessment for this review was already submitted on {submittedAt}.',
    zh: '该续约评审的自评已于 {submittedAt} 提交。',
  },
  RENEWAL_AGREEMENT_ENDED: {
    status: 422,
    en: 'The agreement ended on {endDate}; a renewal review opens before the end date.',
    zh: '该协议已于 {endDate} 到期，续约评审须在到期日之前开启。',
  },
  RENEWAL_INCIDENT_IN_FUTURE: {
    status: 422,
    en: 'An incident cannot be dated after today ({today}); it was dated {occurredOn}.',
    zh: '事件日期不能晚于今天（{today}），所填日期为 {occurredOn}。',
  },
  RENEWAL_RATINGS_RANGE_INVALID: {
    status: 422,
    en: 'The period must start on or before its end ({from} – {to}).',
    zh: '统计期间的开始日期不能晚于结束日期（{from} – {to}）。',
  },
});
