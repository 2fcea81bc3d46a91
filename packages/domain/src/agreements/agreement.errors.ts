import { defineErrors } from '../common/error-def.js';

/** Error codes of the agreements module, with their status and both messages. */
export const agreementErrors = defineErrors({
  AGREEMENT_PARTNER_UNKNOWN: {
    status: 422,
    en: 'The partner of this agreement does not exist.',
    zh: '该协议的合作伙伴不存在。',
  },
  AGREEMENT_PARTNER_CLOSED: {
    status: 422,
    en: 'A rejected or terminated partner cannot have a new agreement.',
    zh: '已拒绝或已终止的合作伙伴不能签订新协议。',
  },
  AGREEMENT_PARTNER_TYPE_FIXED: {
    status: 422,
    en: 'The partner and type of an agreement cannot change; draft a new one.',
    zh: '协议的合作伙伴和类型不可更改，请另行起草新协议。',
  },
  AMENDMENT_PARTNER_TYPE_FIXED: {
    status: 422,
    en: 'An amendment cannot change the partner or the type.',
    zh: '修订不能更改合作伙伴或协议类型。',
  },
  AGREEMENT_PARTNER_NOT_APPROVED: {
    status: 422,
    en: 'The partner must be approved (and not suspended, rejected or terminated) before an agreement can activate.',
    zh: '合作伙伴须已获批准（且未被暂停、拒绝或终止），协议才能生效。',
  },
  AGREEMENT_SCOPE_OVERLAPS: {
    status: 409,
    en: 'The scope overlaps another exclusive agreement.',
    zh: '范围与另一份独家协议重叠。',
  },
  AGREEMENT_TERM_ENDED: {
    status: 422,
    en: 'The agreement’s term ended on {endDate}; it cannot be approved. Draft a new agreement with a current term.',
    zh: '该协议的期限已于 {endDate} 结束，不能批准；请以有效期限新建协议。',
  },
  TERMINATION_BEFORE_START: {
    status: 422,
    en: 'The effective date cannot be before the agreement starts ({startDate}).',
    zh: '终止生效日期不能早于协议开始日期（{startDate}）。',
  },
});
