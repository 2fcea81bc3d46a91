import type { Locale } from '../common/common.schema.js';
import { type ErrorCode, MODULE_ERRORS } from '../common/errors.js';

type Catalogue = Record<string, string>;

/** Messages for error codes and validation keys, in both languages. `{name}` is interpolated. */
const en: Catalogue = {
  VALIDATION_FAILED: 'Some fields are invalid: {fields}. Correct them and try again.',
  MALFORMED_JSON: 'The request body is not valid JSON: {detail}',
  BAD_REQUEST: 'The request could not be understood: {detail}',
  UNAUTHENTICATED: 'You are not signed in, or your session has ended. Sign in and try again.',
  INVALID_CREDENTIALS: 'The email address or password is incorrect.',
  SESSION_EXPIRED: 'Your session has expired. Sign in again.',
  FORBIDDEN: 'Your role ({role}) is not allowed to do this.',
  NOT_FOUND: 'No {entity} with id {id} was found.',
  ROUTE_NOT_FOUND: 'There is no endpoint {method} {path}. See /api/docs for the list of endpoints.',
  CONFLICT: 'This conflicts with existing data: {detail}',
  INVALID_TRANSITION: 'A {entity} cannot go from "{from}" to "{to}". Allowed next states: {allowed}.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the limit of {limit}.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the request body as application/json.',
  UNPROCESSABLE: '{detail}',
  LOGIN_THROTTLED: 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
  TOO_MANY_REQUESTS: 'Too many requests. Slow down and try again shortly.',
  INTERNAL: 'Something went wrong on our side. The error has been logged (request {requestId}).',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable: {detail}',
  USER_DISABLED: 'This account has been disabled. Contact your administrator.',
  SELF_APPROVAL: 'You submitted this agreement, so you cannot approve it. Another channel manager or a vendor admin must.',
  EXCLUSIVE_OVERLAP: 'The scope overlaps the exclusive agreement {number} of {partner} ({segments}) from {from} to {until}.',
  AGREEMENT_INCOMPLETE: 'The agreement is missing: {missing}.',

  'zod.invalid_type': 'Expected {expected}, received {received}.',
  'zod.required': 'This field is required.',
  'zod.too_small.string': 'Must be at least {minimum} characters.',
  'zod.too_big.string': 'Must be at most {maximum} characters.',
  'zod.too_small.number': 'Must be at least {minimum}.',
  'zod.too_big.number': 'Must be at most {maximum}.',
  'zod.too_small.array': 'Must have at least {minimum} items.',
  'zod.too_big.array': 'Must have at most {maximum} items.',
  'zod.invalid_format': 'Must be a valid {format}.',
  'zod.invalid_format.uuid': 'Choose an option from the list.',
  'zod.invalid_format.date': 'Pick a day on the calendar.',
  'zod.invalid_format.datetime': 'Pick a day and a time.',
  'zod.invalid_format.email': 'Enter an email address such as name@company.com.',
  'zod.invalid_format.url': 'Enter a web address such as https://company.com.',
  'zod.invalid_value': 'Must be one of: {values}.',
  'zod.unrecognized_keys': 'Unknown field(s): {keys}.',
  'zod.not_multiple_of': 'Must be a multiple of {divisor}.',
  'zod.invalid_union': 'Does not match any allowed shape.',
  'zod.custom': 'Invalid value.',

  'validation.money': 'Must be an amount such as 1250.00: not negative, at most 2 decimals.',
  'validation.rebate_period': 'Enter a period such as 2026-Q3, 2026-H2 or 2026.',
  'validation.signed_money': 'Must be an amount such as 1250.00 or -80.50, at most 2 decimals.',
  'validation.date_range': 'Pick a day between the years 1970 and 2200.',
  'validation.decimal': 'Enter a number such as 4 or 2.5 (up to six decimals).',
  'validation.tiers_ascending': 'Each tier must start above the one before it.',
  'validation.rates_non_decreasing': 'A higher tier cannot pay a lower rate than the one before it.',
  'validation.text_characters': 'Contains a character that cannot be stored (a NUL byte or a broken Unicode character); remove it.',
  'validation.password_contains_email': 'The password must not contain your email address or its name part.',
  'validation.password_common': 'This password is too common and easy to guess; choose another.',
  'validation.password_blank': 'The password must not be only spaces.',
  'validation.too_deep': 'The data is nested too deeply.',
  'validation.email': 'Must be a valid email address.',
  'validation.password_length': 'Password must be at least 10 characters.',
  'validation.segment_score': 'Scores run from 0 to 100.',
  'validation.policy_tiers_ascending': 'Rebate tiers must be in ascending order of attainment.',
  'validation.policy_reminders_descending': 'Reminder days must be in descending order.',
  'validation.domain': 'Must be a website domain such as example.com.',
  'validation.declaration_required': 'This declaration must be confirmed.',
  'validation.uscc_format': 'A unified social credit code has 18 characters (digits and capital letters except I, O, S, V, Z).',
  'validation.uscc_checksum': 'The check digit of this unified social credit code is wrong (expected {expected}); please check the code.',
  'validation.segment_required': 'Choose at least one segment.',
  'validation.scope_required': 'An agreement needs at least one scope entry.',
  'validation.rationale_required': 'A rationale is mandatory (at least 5 characters): every party is told.',
  'validation.end_before_start': 'The end date must be on or after the start date.',
  'validation.coefficient_invalid': 'A coefficient is a number above 0 and at most 10, with at most 4 decimals.',
  'validation.coefficient_target_required': 'A coefficient names a product line, an industry or both.',
  'validation.quiz_correct_options': 'A single-choice question needs exactly one correct option; a multiple-choice question at least one.',
  'validation.course_code': 'A course code is 2–32 capital letters, digits or hyphens, such as DATA-101.',
  'validation.course_modules_required': 'A course needs at least one module.',
  'validation.duplicate_ids': 'Each item needs its own id.',
  'validation.funds_marketing_only': 'Funds can only be requested for marketing activity support.',
  'validation.money_positive': 'The amount must be positive.',
  'validation.required': 'This field is required.',
};

const zhCN: Catalogue = {
  VALIDATION_FAILED: '以下字段有误：{fields}。请修正后重试。',
  MALFORMED_JSON: '请求体不是合法的 JSON：{detail}',
  BAD_REQUEST: '无法理解该请求：{detail}',
  UNAUTHENTICATED: '您尚未登录或会话已结束，请登录后重试。',
  INVALID_CREDENTIALS: '邮箱或密码不正确。',
  SESSION_EXPIRED: '会话已过期，请重新登录。',
  FORBIDDEN: '您的角色（{role}）无权执行此操作。',
  NOT_FOUND: '未找到 ID 为 {id} 的{entity}。',
  ROUTE_NOT_FOUND: '不存在接口 {method} {path}。接口列表见 /api/docs。',
  CONFLICT: '与现有数据冲突：{detail}',
  INVALID_TRANSITION: '{entity}不能从“{from}”变为“{to}”。允许的下一状态：{allowed}。',
  PAYLOAD_TOO_LARGE: '请求体超过了 {limit} 的上限。',
  UNSUPPORTED_MEDIA_TYPE: '请以 application/json 格式发送请求体。',
  UNPROCESSABLE: '无法处理该请求：{detail}',
  LOGIN_THROTTLED: '登录失败次数过多，请 {minutes} 分钟后再试。',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试。',
  INTERNAL: '服务器内部出错，已记录该错误（请求 {requestId}）。',
  SERVICE_UNAVAILABLE: '服务暂不可用：{detail}',
  USER_DISABLED: '该账号已被停用，请联系管理员。',
  SELF_APPROVAL: '您是该协议的提交人，不能自行审批，请由其他渠道经理或系统管理员审批。',
  EXCLUSIVE_OVERLAP: '范围与 {partner} 的独家协议 {number}（{segments}，{from} 至 {until}）重叠。',
  AGREEMENT_INCOMPLETE: '协议缺少：{missing}。',

  'zod.invalid_type': '应为 {expected}，实际为 {received}。',
  'zod.required': '此项为必填项。',
  'zod.too_small.string': '至少 {minimum} 个字符。',
  'zod.too_big.string': '最多 {maximum} 个字符。',
  'zod.too_small.number': '不能小于 {minimum}。',
  'zod.too_big.number': '不能大于 {maximum}。',
  'zod.too_small.array': '至少需要 {minimum} 项。',
  'zod.too_big.array': '最多 {maximum} 项。',
  'zod.invalid_format': '必须是有效的 {format}。',
  'zod.invalid_format.uuid': '请从列表中选择。',
  'zod.invalid_format.date': '请在日历中选择日期。',
  'zod.invalid_format.datetime': '请选择日期和时间。',
  'zod.invalid_format.email': '请输入邮箱地址，例如 name@company.com。',
  'zod.invalid_format.url': '请输入网址，例如 https://company.com。',
  'zod.invalid_value': '必须是以下之一：{values}。',
  'zod.unrecognized_keys': '未知字段：{keys}。',
  'zod.not_multiple_of': '必须是 {divisor} 的倍数。',
  'zod.invalid_union': '不符合任何允许的格式。',
  'zod.custom': '取值无效。',

  'validation.money': '必须是金额格式，如 1250.00：不能为负数，最多 2 位小数。',
  'validation.rebate_period': '请输入期间，如 2026-Q3、2026-H2 或 2026。',
  'validation.signed_money': '必须是金额格式，如 1250.00 或 -80.50，最多 2 位小数。',
  'validation.date_range': '日期必须在 1970 年至 2200 年之间。',
  'validation.decimal': '请输入数字，例如 4 或 2.5（最多六位小数）。',
  'validation.tiers_ascending': '每一档的起点必须高于上一档。',
  'validation.rates_non_decreasing': '更高一档的比例不能低于上一档。',
  'validation.text_characters': '包含无法保存的字符（NUL 字节或损坏的 Unicode 字符），请删除。',
  'validation.password_contains_email': '密码不能包含您的邮箱地址或其用户名部分。',
  'validation.password_common': '该密码过于常见、容易被猜中，请换一个。',
  'validation.password_blank': '密码不能只包含空格。',
  'validation.too_deep': '数据嵌套层级过深。',
  'validation.email': '必须是有效的邮箱地址。',
  'validation.password_length': '密码至少 10 个字符。',
  'validation.segment_score': '分值范围为 0 到 100。',
  'validation.policy_tiers_ascending': '返点阶梯必须按达成率升序排列。',
  'validation.policy_reminders_descending': '提醒天数必须按降序排列。',
  'validation.domain': '必须是网站域名，如 example.com。',
  'validation.declaration_required': '必须确认此项声明。',
  'validation.uscc_format': '统一社会信用代码为 18 位（数字及除 I、O、S、V、Z 外的大写字母）。',
  'validation.uscc_checksum': '统一社会信用代码校验位不正确（应为 {expected}），请核对。',
  'validation.segment_required': '请至少选择一个细分市场。',
  'validation.scope_required': '协议至少需要一个范围。',
  'validation.rationale_required': '必须填写理由（至少 5 个字），各方都会收到。',
  'validation.end_before_start': '结束日期不能早于开始日期。',
  'validation.coefficient_invalid': '系数须大于 0 且不超过 10，最多 4 位小数。',
  'validation.coefficient_target_required': '系数须指定产品线、行业或两者。',
  'validation.quiz_correct_options': '单选题必须恰有一个正确选项；多选题至少一个。',
  'validation.course_code': '课程编号为 2–32 位大写字母、数字或连字符，如 DATA-101。',
  'validation.course_modules_required': '课程至少需要一个章节。',
  'validation.duplicate_ids': '每一项需要各自的 ID。',
  'validation.funds_marketing_only': '只有市场活动支持可以申请经费。',
  'validation.money_positive': '金额必须为正数。',
  'validation.required': '此项为必填项。',
};

for (const [code, def] of Object.entries(MODULE_ERRORS) as [string, { en: string; zh: string }][]) {
  en[code] = def.en;
  zhCN[code] = def.zh;
}

const catalogues: Record<Locale, Catalogue> = { en, 'zh-CN': zhCN };

export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (params[key] === undefined ? `{${key}}` : String(params[key])));
}

/** Translates an error code or validation key; an unknown key is returned as it is (it may already be prose). */
export function translateMessage(locale: Locale, key: ErrorCode | string, params?: Record<string, unknown>): string {
  const template = catalogues[locale][key] ?? catalogues.en[key];
  return template === undefined ? key : interpolate(template, params);
}

/** Every message key (error codes, `validation.*`, `zod.*`): tests check the whole catalogue. */
export function messageKeys(): string[] {
  return Object.keys(en);
}

export function hasMessage(key: string): boolean {
  return key in en;
}

/** Picks zh-CN or en from an Accept-Language header (first supported tag wins, by q-value). */
export function localeFromAcceptLanguage(header: string | undefined | null, fallback: Locale = 'en'): Locale {
  if (!header) return fallback;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}
