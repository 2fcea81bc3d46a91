import { defineErrors } from '../common/error-def.js';

/** Error codes of rebate runs, statements, the ledger, disputes and reversals, with their status and both messages. */
export const rebateErrors = defineErrors({
  REBATE_RUN_ACTIVE: {
    status: 409,
    en: 'A rebate run for {period} is already queued or running; wait for it to finish.',
    zh: '{period} 的返点计算已在排队或运行中，请等待其完成。',
  },
  REBATE_SAME_APPROVER: {
    status: 403,
    en: 'A statement must be approved by someone other than the person who started its run.',
    zh: '对账单须由发起计算者以外的人员审批。',
  },
  REBATE_STATEMENT_NOT_DRAFT: {
    status: 409,
    en: 'Only a draft statement can be approved; this one is {status}.',
    zh: '只有草稿状态的对账单可以审批，此对账单当前为 {status}。',
  },
  REBATE_STATEMENT_NOT_APPROVED: {
    status: 409,
    en: 'Only an approved statement can be paid; this one is {status}.',
    zh: '只有已审批的对账单可以付款，此对账单当前为 {status}。',
  },
  REBATE_DISPUTE_NOT_ALLOWED: {
    status: 409,
    en: 'Lines can be disputed only on an approved or paid statement.',
    zh: '只能对已审批或已付款的对账单明细提出异议。',
  },
  REBATE_DISPUTE_OPEN: {
    status: 409,
    en: 'This line already has an open dispute.',
    zh: '该明细已有未处理的异议。',
  },
  REBATE_DISPUTE_RESOLVED: {
    status: 409,
    en: 'This dispute has already been resolved.',
    zh: '该异议已处理完毕。',
  },
  REBATE_ADJUSTMENT_REQUIRED: {
    status: 422,
    en: 'An adjusted dispute needs the adjustment amount.',
    zh: '调整处理须填写调整金额。',
  },
  REBATE_REVERSAL_NOT_WON: {
    status: 409,
    en: 'Only a won registration can be reversed; this one is {status}.',
    zh: '只有已赢单的报备可以冲回，此报备当前为 {status}。',
  },
  REBATE_PROGRAMME_INVALID: {
    status: 422,
    en: 'The agreement’s pricing does not make a valid rebate programme (tiers must rise, prices must fall with volume); fix the terms and run again.',
    zh: '协议的价格条款无法构成有效的返点方案（档位须递增、价格须随量递减），请修正条款后重新计算。',
  },
  REBATE_PERIOD_OUTSIDE_TERM: {
    status: 422,
    en: 'The run period does not fall within the agreement’s term.',
    zh: '计算期间不在协议期限之内。',
  },
  REBATE_COMPUTE_FAILED: {
    status: 500,
    en: 'This agreement’s rebate could not be computed; the other agreements were. Run the period again, or ask an administrator to check the log.',
    zh: '该协议的返点未能计算（其他协议已完成）。请重新计算该期间，或请管理员查看日志。',
  },
  REBATE_RUN_FAILED: {
    status: 500,
    en: 'The rebate run stopped because of an error; statements already written are kept. Start the run again.',
    zh: '返点计算因错误中止，已生成的对账单保留。请重新发起计算。',
  },
  REBATE_HOLDING_PERIOD: {
    status: 409,
    en: 'This statement is in its holding period and becomes payable on {payableFrom}; record the payment on or after that date.',
    zh: '该对账单处于付款等待期，自 {payableFrom} 起方可付款；请将付款日期定为该日或之后。',
  },
  REBATE_REVERSAL_EXISTS: {
    status: 409,
    en: 'This won deal has already been reversed.',
    zh: '该赢单已被冲回。',
  },
  REBATE_TERMS_CHANGED_AFTER_SETTLEMENT: {
    status: 409,
    en: 'The terms of agreement {agreementNumber} were amended after one of its periods was settled: that period no longer matches the evaluation periods, so the run booked nothing for this agreement.',
    zh: '协议 {agreementNumber} 在某一考核期结算后修改了条款，该期与现行考核期不再一致，本次计算未为该协议记账。',
  },
  REBATE_CLOSED_TERM_CHANGED: {
    status: 409,
    en: 'The last period of agreement {agreementNumber} is already settled, but its figures changed (a reversal or an adjustment); review it by hand — the run booked nothing for it.',
    zh: '协议 {agreementNumber} 的最后一个考核期已结算，但其数据发生了变化（冲回或调整）；请人工复核——本次计算未为其记账。',
  },
  REBATE_PAID_IN_FUTURE: {
    status: 422,
    en: 'The payment date {paidOn} is in the future; record the payment on or after the day it is made.',
    zh: '付款日期 {paidOn} 晚于今天；请在实际付款当日或之后登记。',
  },
});
