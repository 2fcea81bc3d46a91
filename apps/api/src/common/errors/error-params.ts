import type { Locale } from '@partnerline/domain';

/**
 * Error params that are identifiers (an entity name, a state, a role, a missing requirement) read as words in the
 * caller's language. English messages show them as they are; zh-CN messages get the Chinese word, so a Chinese
 * user never reads `partner` or `pending_approval` inside a Chinese sentence. Unknown values pass through.
 * A param may also be given in both languages ({ en, 'zh-CN' }): the message then uses the caller's.
 */
const ZH_WORDS: Record<string, string> = {
  // entities
  partner: '合作伙伴',
  agreement: '协议',
  user: '用户',
  segment: '细分市场',
  'information request': '信息补充请求',
  'deal registration': '商机报备',
  conflict: '报备冲突',
  course: '课程',
  module: '课程章节',
  enrolment: '课程报名',
  certificate: '证书',
  certification: '认证',
  'certification path': '认证路径',
  'evidence file': '证明文件',
  'qualification review': '资质复核',
  'support request': '支持申请',
  // partner states
  applied: '已申请',
  screening: '筛选中',
  rejected: '已拒绝',
  trial: '考察期',
  active: '生效中',
  suspended: '已暂停',
  terminated: '已终止',
  // agreement, registration, course and request states
  draft: '草稿',
  pending_approval: '待审批',
  pending: '待审批',
  approved: '已批准',
  expired: '已到期',
  renewed: '已续签',
  submitted: '已提交',
  in_review: '审核中',
  in_conflict: '冲突中',
  won: '已赢单',
  lost: '已丢单',
  withdrawn: '已撤回',
  published: '已发布',
  archived: '已归档',
  scheduled: '已排期',
  completed: '已完成',
  open: '待处理',
  in_progress: '处理中',
  closed: '已关闭',
  extended: '已延期',
  amended: '已修订',
  'draft (edit)': '草稿（编辑）',
  'trial (succeeded)': '考察期（成功）',
  // roles
  vendor_admin: '系统管理员',
  channel_manager: '渠道经理',
  leadership: '管理层',
  partner_admin: '合作伙伴管理员',
  partner_user: '合作伙伴用户',
  // missing agreement terms and requirements
  scope: '范围',
  products: '产品',
  evidence_standard: '证据标准',
  quota: '业绩指标',
  evaluation_period: '考核周期',
  deposit: '保证金',
  track_record: '成功考察记录',
  partner_approval: '合作伙伴审批',
};

/** Params whose values are identifiers (comma-separated lists allowed). */
const WORD_PARAMS = new Set(['entity', 'from', 'to', 'allowed', 'role', 'missing', 'status']);

function zhWords(value: string): string {
  if (value in ZH_WORDS) return ZH_WORDS[value];
  if (!value.includes(',')) return value;
  return value
    .split(',')
    .map((v) => ZH_WORDS[v.trim()] ?? v.trim())
    .join('、');
}

/** A param given in both languages, e.g. `{ missing: { en: 'an order form', 'zh-CN': '订单' } }`: each message takes its own. */
export type LocalisedParam = Record<Locale, string>;

function isLocalised(v: unknown): v is LocalisedParam {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as LocalisedParam).en === 'string' &&
    typeof (v as LocalisedParam)['zh-CN'] === 'string'
  );
}

export function localiseErrorParams(params: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = isLocalised(value) ? value[locale] : value;
  if (locale !== 'zh-CN') return out;
  for (const key of Object.keys(out)) {
    if (WORD_PARAMS.has(key) && typeof out[key] === 'string') out[key] = zhWords(out[key] as string);
  }
  if (typeof out.limit === 'string') out.limit = out.limit.replace(/^(\S+) bytes$/, '$1 字节').replace('the configured limit', '允许');
  return out;
}
