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
    en: 'The agreement’s evidence standard requires: {missing}.',
    zh: '协议的证据标准要求提供：{missing}。',
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
  REGISTRATION_IN_OPEN_CASE: {
    status: 409,
    en: 'This registration is a party to open conflict case {case}; only the case’s resolution can approve or reject it.',
    zh: '该报备是未决冲突案件 {case} 的当事方，只能通过案件裁决批准或驳回。',
  },
  REGISTRATION_TAX_ID_CHECKSUM: {
    status: 422,
    en: 'The unified social credit code’s check character is wrong; check the customer’s tax id.',
    zh: '统一社会信用代码的校验位不正确，请核对客户税号。',
  },
  REGISTRATION_CONFLICT_HOLDER: {
    status: 422,
    en: 'The awarded agreement must be an exclusive holder that is a party to this case.',
    zh: '胜出的协议必须是该案件当事方中的独家协议持有方。',
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
  REGISTRATION_EVIDENCE_TOO_MANY: {
    status: 422,
    en: 'A registration can carry at most {max} evidence files; remove one before adding another.',
    zh: '每个报备最多可附 {max} 个证据文件，请先删除一个再添加。',
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
  // Lines of a direct-account CSV import that were not imported (reported per line, not thrown).
  REGISTRATION_IMPORT_UNREADABLE: {
    status: 422,
    en: 'not readable as CSV near line {line}: check quotes, separators and the encoding (UTF-8)',
    zh: '第 {line} 行附近无法按 CSV 格式读取，请检查引号、分隔符和编码（UTF-8）。',
  },
  REGISTRATION_IMPORT_MISSING: {
    status: 422,
    en: 'missing {columns}',
    zh: '缺少 {columns}',
  },
  REGISTRATION_IMPORT_KIND: {
    status: 422,
    en: 'kind must be named_account or open_opportunity, not "{kind}"',
    zh: 'kind 必须为 named_account（指名客户）或 open_opportunity（在跟商机），而不是“{kind}”',
  },
  REGISTRATION_IMPORT_INDUSTRY: {
    status: 422,
    en: 'unknown industry_code "{code}"',
    zh: '未知的行业代码 industry_code“{code}”',
  },
  REGISTRATION_IMPORT_REGION: {
    status: 422,
    en: 'unknown region_code "{code}"',
    zh: '未知的区域代码 region_code“{code}”',
  },
  REGISTRATION_IMPORT_NO_KEY: {
    status: 422,
    en: 'a name, tax id or domain is needed to match registrations',
    zh: '需要客户名称、税号或域名才能与报备匹配',
  },
});
