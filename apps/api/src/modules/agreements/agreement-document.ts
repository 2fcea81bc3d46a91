import { type AgreementDetail, type AgreementTerms, type Locale } from '@partnerline/domain';
import { escapeHtml as esc } from '../../common/http/html';

const L = {
  en: {
    title: {
      exclusive: 'Exclusive Partner Agreement',
      registration: 'Registration Partner Agreement',
      distribution: 'Distribution Agreement',
    },
    number: 'Agreement no.',
    partner: 'Partner',
    vendor: 'Vendor',
    term: 'Term',
    scope: 'Scope',
    all: 'all',
    industries: 'industries',
    regions: 'regions',
    status: 'Status',
    version: 'Version',
    products: 'Products',
    pricing: 'Pricing',
    payment: 'Payment terms',
    evaluation: 'Performance evaluation',
    period: 'Evaluation period',
    quota: 'Quota per period',
    threshold: 'Renewal threshold',
    qualification: 'Qualification requirements',
    certified: '{n} certified {role} on product line {line}',
    service: 'Service division',
    obligations: 'Obligations',
    vendorSide: 'Vendor',
    partnerSide: 'Partner',
    renewal: 'Renewal and exit',
    evidence: 'Registration evidence standard',
    deposit: 'Deposit',
    handling: { offset: 'offset against purchases', refund: 'refunded at the end of the term' },
    evidenceItems: {
      proofOfCommunication: 'Proof of communication with the customer',
      customerFeedback: 'Customer feedback',
      customerDetails: 'Customer details',
    },
    periods: { quarter: 'quarter', half: 'half year', year: 'year' },
    mandatory: 'mandatory',
    optional: 'optional',
    none: '—',
    to: 'to',
    fixed: 'Fixed prices with a performance rebate',
    tiered: 'Tiered prices by cumulative volume',
    from: 'from',
    units: 'units',
    at: 'at',
    rebateFrom: 'rebate from {t}% attainment',
    signatures: 'Signatures',
    print: 'Print',
  },
  'zh-CN': {
    title: { exclusive: '独家合作协议', registration: '报备合作协议', distribution: '统销协议' },
    number: '协议编号',
    partner: '合作伙伴（乙方）',
    vendor: '厂商（甲方）',
    term: '协议期限',
    scope: '合作范围',
    all: '全部',
    industries: '行业',
    regions: '区域',
    status: '状态',
    version: '版本',
    products: '产品',
    pricing: '价格约定',
    payment: '付款方式',
    evaluation: '业绩考核',
    period: '考核周期',
    quota: '每期销售任务额',
    threshold: '续约门槛',
    qualification: '资格约定',
    certified: '产品线 {line} 认证{role} {n} 人',
    service: '服务分工',
    obligations: '双方义务',
    vendorSide: '甲方',
    partnerSide: '乙方',
    renewal: '续约与退出',
    evidence: '报备标准',
    deposit: '保证金',
    handling: { offset: '抵扣货款', refund: '期满退还' },
    evidenceItems: { proofOfCommunication: '与客户沟通的证明', customerFeedback: '客户反馈', customerDetails: '客户详细信息' },
    periods: { quarter: '季度', half: '半年', year: '年度' },
    mandatory: '必需',
    optional: '可选',
    none: '—',
    to: '至',
    fixed: '固定价格 + 业绩返点',
    tiered: '按累计量的阶梯价格',
    from: '自',
    units: '件起',
    at: '单价',
    rebateFrom: '达成率 {t}% 起返点',
    signatures: '签署',
    print: '打印',
  },
} as const;

export interface DocumentNames {
  products: Map<string, string>;
  productLines: Map<string, string>;
  roles: Record<string, string>;
}

/**
 * An amount on a printed document, grouped per language (¥1,234,567.80). Intl formats the decimal string exactly:
 * the amount never passes through a float.
 */
export function documentMoney(amount: string, locale: Locale): string {
  if (!/^-?\d+(\.\d+)?$/.test(amount)) return esc(amount);
  const f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return esc(f.format(amount as Intl.StringNumericLiteral));
}

/** A count on a printed document, grouped per language. */
const documentCount = (n: number, locale: Locale) => esc(new Intl.NumberFormat(locale).format(n));

/** A printable agreement, in zh-CN or en, generated from the structured terms (never stored prose). */
export function renderAgreementDocument(a: AgreementDetail, locale: Locale, names: DocumentNames): string {
  const t = L[locale];
  const terms = a.terms as AgreementTerms;
  const zh = locale === 'zh-CN';
  const scope = a.scope
    .map(
      (s) =>
        `<li>${esc(s.industryId ? (zh ? s.industryNameZh : s.industryNameEn) : `${t.all} ${t.industries}`)} × ${esc(s.regionId ? (zh ? s.regionNameZh : s.regionNameEn) : `${t.all} ${t.regions}`)}</li>`,
    )
    .join('');
  const row = (k: string, v: string) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`;
  const pricing = !terms.pricing
    ? t.none
    : terms.pricing.model === 'tiered'
      ? `${t.tiered}<ul>${terms.pricing.breaks.map((b) => `<li>${t.from} ${documentCount(b.minQuantity, locale)} ${t.units}: ${t.at} ${documentMoney(b.unitPrice, locale)}</li>`).join('')}</ul>`
      : `${t.fixed}<ul>${terms.pricing.items.map((i) => `<li>${esc(names.products.get(i.productId) ?? i.productId)}: ${documentMoney(i.unitPrice, locale)}</li>`).join('')}<li>${esc(t.rebateFrom.replace('{t}', String(terms.pricing.rebate.thresholdPercent)))}: ${terms.pricing.rebate.tiers.map((x) => `≥${x.attainmentPercent}% → ${x.ratePercent}%`).join('; ')}</li></ul>`;
  const quals = terms.qualificationRequirements.length
    ? `<ul>${terms.qualificationRequirements
        .map(
          (q) =>
            `<li>${esc(
              t.certified
                .replace('{n}', String(q.headcount))
                .replace('{role}', names.roles[q.jobRole] ?? q.jobRole)
                .replace('{line}', names.productLines.get(q.productLineId) ?? q.productLineId),
            )}</li>`,
        )
        .join('')}</ul>`
    : t.none;
  const evidence = terms.evidenceStandard
    ? `<ul>${(Object.keys(t.evidenceItems) as (keyof typeof t.evidenceItems)[]).map((k) => `<li>${esc(t.evidenceItems[k])}: ${terms.evidenceStandard![k] ? t.mandatory : t.optional}</li>`).join('')}</ul>`
    : null;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(t.title[a.type])} ${esc(a.number)}</title>
<style>
 body{font-family:"Noto Serif CJK SC","Songti SC",Georgia,serif;max-width:800px;margin:40px auto;padding:0 24px;color:#111;line-height:1.6}
 h1{text-align:center;font-size:24px;margin-bottom:4px} .sub{text-align:center;color:#555;margin-bottom:28px}
 table{width:100%;border-collapse:collapse;margin:12px 0} th{width:28%;text-align:left;vertical-align:top;padding:8px;background:#f4f4f6;border:1px solid #ddd} td{padding:8px;border:1px solid #ddd;vertical-align:top}
 ul{margin:0;padding-left:20px} .sign{display:flex;justify-content:space-between;margin-top:48px} .sign div{width:45%;border-top:1px solid #333;padding-top:8px}
 @media print{.noprint{display:none}}
</style></head><body>
<p class="noprint" style="text-align:right"><button id="print">${esc(t.print)}</button></p>
<script src="/api/documents/print.js"></script>
<h1>${esc(t.title[a.type])}</h1>
<div class="sub">${esc(t.number)} ${esc(a.number)} · ${esc(t.version)} ${a.version}</div>
<table>
${row(t.vendor, 'Partnerline')}
${row(t.partner, esc(a.partnerName))}
${row(t.term, `${esc(a.startDate)} ${t.to} ${esc(a.endDate)}`)}
${row(t.scope, `<ul>${scope}</ul>`)}
${row(t.products, terms.productIds.length ? `<ul>${terms.productIds.map((p) => `<li>${esc(names.products.get(p) ?? p)}</li>`).join('')}</ul>` : t.none)}
${row(t.pricing, pricing)}
${row(t.payment, esc(terms.paymentTerms) || t.none)}
${row(t.period, terms.evaluationPeriod ? esc(t.periods[terms.evaluationPeriod]) : t.none)}
${row(t.quota, terms.quotaPerPeriod ? documentMoney(terms.quotaPerPeriod, locale) : t.none)}
${row(t.threshold, `${terms.renewalThresholdPercent}%`)}
${row(t.qualification, quals)}
${evidence ? row(t.evidence, evidence) : ''}
${terms.deposit ? row(t.deposit, `${documentMoney(terms.deposit.amount, locale)} · ${esc(terms.deposit.dueDate)} · ${esc(t.handling[terms.deposit.handling])}`) : ''}
${row(t.service, `${t.vendorSide}: ${esc(terms.serviceDivision.vendor) || t.none}<br>${t.partnerSide}: ${esc(terms.serviceDivision.partner) || t.none}`)}
${row(t.obligations, `${t.vendorSide}: ${esc(terms.obligations.vendor) || t.none}<br>${t.partnerSide}: ${esc(terms.obligations.partner) || t.none}`)}
${row(t.renewal, esc(terms.renewalTerms) || t.none)}
</table>
<div class="sign"><div>${esc(t.vendor)}</div><div>${esc(t.partner)}</div></div>
</body></html>`;
}
