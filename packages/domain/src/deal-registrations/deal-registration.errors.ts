import { defineErrors } from '../common/error-def.js';

/** Error codes of the deal-registrations module, with their status and both messages. */
export const registrationErrors = defineErrors({
  REGISTRATION_NOT_COVERED: {
    status: 422,
    en: 'No active registration or exclusive agreement of yours covers this customer’s industry and region.',
    zh: '您没有覆盖该客户行业和区域的有效报备协议或独家协议。',
  },
  REGISTRATION_TRIAL_CAPACITY: {
    status: 422,
    en: 'A trial partner may hold {limit} open registrations; close one first.',
    zh: '试用期伙伴最多可同时持有 {limit} 个进行中的报备，请先关闭一个。',
  },
  REGISTRATION_EVIDENCE_MISSING: {
    status: 422,
    en: 'The agreement’s evidence standard requires: {missingEn}.',
    zh: '协议的证据标准要求提供：{missingZh}。',
  },
  REGISTRATION_DUPLICATE_OWN: {
    status: 409,
    en: 'You have already registered this customer.',
    zh: '您已报备过该客户。',
  },
  REGISTRATION_OPEN_CONFLICT: {
    status: 409,
    en: 'Resolve the open conflict first; the resolution approves the awarded registration.',
    zh: '请先处理未决冲突；冲突裁决会批准胜出的报备。',
  },
  REGISTRATION_EVIDENCE_FILE_REQUIRED: {
    status: 422,
    en: 'Attach a file in the "file" field.',
    zh: '请在“file”字段中附上文件。',
  },
  REGISTRATION_EVIDENCE_FILE_EMPTY: {
    status: 422,
    en: 'The evidence file was refused: the file is empty.',
    zh: '证据文件被拒绝：文件为空。',
  },
  REGISTRATION_EVIDENCE_FILE_TOO_LARGE: {
    status: 422,
    en: 'The evidence file was refused: the file is larger than {maxMb} MB.',
    zh: '证据文件被拒绝：文件超过 {maxMb} MB。',
  },
  REGISTRATION_EVIDENCE_FILE_TYPE: {
    status: 422,
    en: 'The evidence file was refused: only {allowed} files are accepted.',
    zh: '证据文件被拒绝：只接受 {allowed} 格式的文件。',
  },
  REGISTRATION_EVIDENCE_FILE_NOT_GENUINE: {
    status: 422,
    en: 'The evidence file was refused: the content is not a real .{ext} file.',
    zh: '证据文件被拒绝：文件内容不是真正的 .{ext} 文件。',
  },
  REGISTRATION_EVIDENCE_CLOSED: {
    status: 422,
    en: 'A registration in status "{status}" takes no more evidence.',
    zh: '状态为“{status}”的报备不能再添加证据。',
  },
  REGISTRATION_NO_EXTENSIONS_LEFT: {
    status: 422,
    en: 'Protection can be extended {max} time(s); it already was.',
    zh: '保护期最多可延长 {max} 次，已用完。',
  },
  REGISTRATION_PROTECTION_ENDED: {
    status: 422,
    en: 'Protection has already ended.',
    zh: '保护期已结束。',
  },
  REGISTRATION_CONFLICT_RESOLVED: {
    status: 409,
    en: 'This conflict is already resolved.',
    zh: '该冲突已处理完毕。',
  },
  REGISTRATION_CONFLICT_WINNER: {
    status: 422,
    en: 'The winner must be one of the registrations in this conflict.',
    zh: '胜出方必须是该冲突中的报备之一。',
  },
  REGISTRATION_CONFLICT_SPLIT: {
    status: 422,
    en: 'Split shares must name registrations of this conflict, each a whole percentage above 0, summing to 100.',
    zh: '分成必须指向该冲突中的报备，每份为大于 0 的整数百分比，合计为 100。',
  },
});
