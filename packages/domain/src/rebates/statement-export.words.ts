import type { Locale } from '../common/common.schema.js';
import { interpolate } from '../i18n/error-messages.js';

/**
 * The words of a downloaded rebate statement (XLSX and CSV from `GET /api/rebate-statements/:id/export`), in both
 * languages. Kept here so the API holds no UI strings of its own; `{name}` placeholders are filled by `fillWords`.
 */
export interface StatementExportWords {
  sheet: string;
  title: string;
  header: {
    number: string;
    partner: string;
    agreement: string;
    period: string;
    status: string;
    asOf: string;
    quota: string;
    achievement: string;
    attainment: string;
    tierAndRate: string;
    earned: string;
    alreadySettled: string;
    adjustments: string;
    payable: string;
  };
  columns: {
    lineNo: string;
    kind: string;
    description: string;
    date: string;
    amount: string;
    share: string;
    coefficient: string;
    achievement: string;
    rebate: string;
  };
  kinds: Record<'deal' | 'sell_out' | 'clawback' | 'adjustment', string>;
  statuses: Record<'draft' | 'approved' | 'paid', string>;
  agreementTypes: Record<'exclusive' | 'registration' | 'distribution', string>;
  /** `{type}` the agreement type in words, `{id}` its id. */
  agreement: string;
  /** `{start}`, `{end}` ISO dates. */
  period: string;
  /** `{n}` the tier's number (1-based), `{rate}` its rate in percent. */
  tier: string;
  belowThreshold: string;
  totals: string;
  explanation: {
    title: string;
    method: Record<'retroactive' | 'incremental', string>;
    /** `{from}`, `{to}` achievement bounds, `{rate}` percent, `{base}` the part of achievement in the band, `{amount}`. */
    band: string;
    /** The top band (no upper bound). */
    bandOpen: string;
    noBands: string;
    uncapped: string;
    capped: string;
    earned: string;
    rounding: string;
    alreadySettled: string;
    payable: string;
    /** `{more}` more achievement needed, `{rate}`, `{increase}` what the period would then earn in addition. */
    next: string;
  };
}

const en: StatementExportWords = {
  sheet: 'Statement',
  title: 'Rebate statement',
  header: {
    number: 'Statement number',
    partner: 'Partner',
    agreement: 'Agreement',
    period: 'Period',
    status: 'Status',
    asOf: 'As of',
    quota: 'Quota',
    achievement: 'Achievement',
    attainment: 'Attainment (%)',
    tierAndRate: 'Tier and rate',
    earned: 'Earned',
    alreadySettled: 'Already settled',
    adjustments: 'Adjustments',
    payable: 'Payable',
  },
  columns: {
    lineNo: 'Line',
    kind: 'Kind',
    description: 'Description',
    date: 'Date',
    amount: 'Amount',
    share: 'Share',
    coefficient: 'Coefficient',
    achievement: 'Achievement',
    rebate: 'Rebate',
  },
  kinds: { deal: 'Won deal', sell_out: 'Sell-out', clawback: 'Clawback', adjustment: 'Adjustment' },
  statuses: { draft: 'Draft', approved: 'Approved', paid: 'Paid' },
  agreementTypes: { exclusive: 'Exclusive', registration: 'Registration', distribution: 'Distribution' },
  agreement: '{type} agreement {id}',
  period: '{start} – {end}',
  tier: 'Tier {n} ({rate}%)',
  belowThreshold: 'Below the threshold',
  totals: 'Total',
  explanation: {
    title: 'How the rebate was computed',
    method: {
      retroactive: 'Retroactive: the whole achievement earns the rate of the tier reached.',
      incremental: 'Incremental: each band of achievement earns its own rate.',
    },
    band: '{from} to {to} at {rate}%: {base} × {rate}% = {amount}',
    bandOpen: 'From {from} at {rate}%: {base} × {rate}% = {amount}',
    noBands: 'Below the threshold: no rebate for this period.',
    uncapped: 'Sum of the bands',
    capped: 'Limited by the programme cap',
    earned: 'Earned',
    rounding: 'Rounded once to the cent (half up) after summing the bands.',
    alreadySettled: 'Already settled for this period',
    payable: 'Payable (earned − already settled + adjustments)',
    next: 'Next tier: {more} more achievement reaches {rate}% and adds {increase}.',
  },
};

const zh: StatementExportWords = {
  sheet: '返利对账单',
  title: '返利对账单',
  header: {
    number: '对账单号',
    partner: '合作伙伴',
    agreement: '协议',
    period: '考核期',
    status: '状态',
    asOf: '计算日',
    quota: '指标',
    achievement: '业绩',
    attainment: '达成率（%）',
    tierAndRate: '档位与比例',
    earned: '应得返利',
    alreadySettled: '已结算',
    adjustments: '调整',
    payable: '应付',
  },
  columns: {
    lineNo: '行号',
    kind: '类型',
    description: '说明',
    date: '日期',
    amount: '金额',
    share: '分成比例',
    coefficient: '激励系数',
    achievement: '计入业绩',
    rebate: '返利',
  },
  kinds: { deal: '赢单', sell_out: '分销出货', clawback: '追回', adjustment: '调整' },
  statuses: { draft: '草稿', approved: '已批准', paid: '已支付' },
  agreementTypes: { exclusive: '独家', registration: '报备', distribution: '分销' },
  agreement: '{type}协议 {id}',
  period: '{start} 至 {end}',
  tier: '第 {n} 档（{rate}%）',
  belowThreshold: '未达门槛',
  totals: '合计',
  explanation: {
    title: '返利计算说明',
    method: {
      retroactive: '全额累进：全部业绩按所达档位的比例计算。',
      incremental: '分段累进：每一段业绩按各自档位的比例计算。',
    },
    band: '{from} 至 {to}，比例 {rate}%：{base} × {rate}% = {amount}',
    bandOpen: '{from} 以上，比例 {rate}%：{base} × {rate}% = {amount}',
    noBands: '未达门槛：本期无返利。',
    uncapped: '各段合计',
    capped: '受方案封顶限制',
    earned: '应得返利',
    rounding: '各段相加后一次性四舍五入到分。',
    alreadySettled: '本期已结算',
    payable: '应付（应得 − 已结算 + 调整）',
    next: '下一档：再增加业绩 {more} 即达 {rate}%，可多得 {increase}。',
  },
};

export const STATEMENT_EXPORT_WORDS: Record<Locale, StatementExportWords> = { en, 'zh-CN': zh };

export function statementExportWords(locale: Locale): StatementExportWords {
  return STATEMENT_EXPORT_WORDS[locale];
}

/** Fills `{name}` placeholders; an unknown name stays as it is (the error messages' `interpolate`). */
export const fillWords: (template: string, params: Record<string, string | number>) => string = interpolate;
