import { defineErrors } from '../common/error-def.js';

/** Error codes of performance, quotas, what-if and deposits, with their status and both messages. */
export const rebatePerformanceErrors = defineErrors({
  PERFORMANCE_PERIOD_UNKNOWN: {
    status: 404,
    en: 'The agreement has no evaluation period starting on {periodStart}.',
    zh: '该协议没有从 {periodStart} 开始的考核期。',
  },
  QUOTA_AMENDMENT_REQUIRED: {
    status: 409,
    en: 'The period starting {periodStart} has begun: its quota can only be changed as an amendment with a reason.',
    zh: '从 {periodStart} 开始的考核期已开始：其任务额只能以修订方式变更，并须填写原因。',
  },
  DEPOSIT_NOT_APPLICABLE: {
    status: 422,
    en: 'Only an exclusive agreement with a deposit in its terms has a deposit.',
    zh: '只有条款中约定了保证金的独家协议才有保证金。',
  },
  DEPOSIT_TRANSITION_INVALID: {
    status: 409,
    en: 'A deposit that is {from} cannot become {to}.',
    zh: '保证金状态为 {from} 时不能变更为 {to}。',
  },
  DEPOSIT_PERFORMANCE_NOT_REACHED: {
    status: 409,
    en: 'The deposit can be offset or refunded only once performance was reached: the latest ended period attained {attainment} % of its quota, {threshold} % is needed.',
    zh: '只有业绩达成后才能抵扣或退还保证金：最近一个已结束考核期的任务完成率为 {attainment}%，需达到 {threshold}%。',
  },
  DEPOSIT_NOT_TERMINATED_FOR_BREACH: {
    status: 409,
    en: 'The deposit can be forfeited only when the agreement was terminated for breach.',
    zh: '只有协议因违约终止时才能没收保证金。',
  },
});
