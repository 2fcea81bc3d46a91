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
  // Decisions (renewal-decisions.service.ts; ADR 0018).
  RENEWAL_ALREADY_DECIDED: {
    status: 409,
    en: 'This renewal review was already decided on {decidedOn}; a decision is final.',
    zh: '该续约评审已于 {decidedOn} 作出决定，决定不可更改。',
  },
  RENEWAL_SUCCESSOR_OVERLAP: {
    status: 409,
    en: 'The successor agreement would overlap the exclusive agreement {number} of {partner} ({segments}) from {from} to {until}. Narrow the scope or end that exclusivity first.',
    zh: '续约协议将与 {partner} 的独家协议 {number}（{segments}，{from} 至 {until}）重叠。请先缩小范围或结束该独家授权。',
  },
  RENEWAL_DEPOSIT_HANDLING_REQUIRED: {
    status: 422,
    en: 'The partner paid a deposit of {amount}: choose whether it is refunded or forfeited at the end date.',
    zh: '合作伙伴已缴纳保证金 {amount}，请选择到期时退还还是没收。',
  },
  RENEWAL_PROBATION_CHECK_DATE: {
    status: 422,
    en: 'The probation check date must fall after today and within the successor agreement ({from} to {until}).',
    zh: '考察期核查日期须晚于今天，并在续约协议期限内（{from} 至 {until}）。',
  },
  RENEWAL_NOT_ON_PROBATION: {
    status: 409,
    en: 'This review was not decided as a renewal on probation; there is nothing to check.',
    zh: '该评审的决定不是附条件续约，没有需要核查的条件。',
  },
  RENEWAL_PROBATION_CHECKED: {
    status: 409,
    en: 'The probation conditions were already checked on {checkedOn}.',
    zh: '考察条件已于 {checkedOn} 核查。',
  },
  RENEWAL_PROBATION_CHECK_TOO_EARLY: {
    status: 422,
    en: 'The probation conditions are checked on or after {checkOn}.',
    zh: '考察条件须在 {checkOn} 当天或之后核查。',
  },
  RENEWAL_PROBATION_CONDITIONS_MISMATCH: {
    status: 422,
    en: 'Answer each of the {count} probation conditions exactly once.',
    zh: '请对全部 {count} 项考察条件逐一作答，每项一次。',
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
