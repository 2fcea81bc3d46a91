import { type AgreementTerms, DEFAULT_POLICIES, expandScope } from '@partnerline/domain';
import type { EntityManager } from 'typeorm';

type Ids = Map<string, string>;
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

interface Plan {
  slug: string;
  type: AgreementTerms['type'];
  status: 'draft' | 'pending_approval' | 'active' | 'expired' | 'terminated';
  /** [industry code | null, region code | null] */
  scope: [string | null, string | null][];
  /** Start relative to today, in days; length in days. */
  startIn: number;
  days: number;
}

/** Demo agreements: all three types in every status that matters; 华信智联 exclusive in an industry, 兰亭科技 registration on a province. */
const PLANS: Plan[] = [
  { slug: 'huaxin', type: 'exclusive', status: 'active', scope: [['FIN', 'CN']], startIn: -200, days: 730 },
  { slug: 'huaxin', type: 'registration', status: 'active', scope: [['MFG', 'BJ'], ['GOV', 'BJ']], startIn: -200, days: 730 },
  { slug: 'lanting', type: 'registration', status: 'active', scope: [[null, 'ZJ']], startIn: -150, days: 365 },
  { slug: 'dingsheng', type: 'exclusive', status: 'active', scope: [['MFG', 'SH']], startIn: -90, days: 365 },
  { slug: 'yunfan', type: 'exclusive', status: 'active', scope: [['TEL', 'GD']], startIn: -300, days: 350 },
  { slug: 'jinshi', type: 'distribution', status: 'active', scope: [[null, 'JS']], startIn: -120, days: 365 },
  { slug: 'haina', type: 'registration', status: 'active', scope: [['MFG', 'SD'], ['LOG', 'SD']], startIn: -60, days: 365 },
  { slug: 'zhiyuan', type: 'registration', status: 'active', scope: [[null, 'SC']], startIn: -100, days: 365 },
  { slug: 'tianhe', type: 'distribution', status: 'active', scope: [['RET', 'GD']], startIn: -80, days: 365 },
  { slug: 'beichen', type: 'exclusive', status: 'active', scope: [['ENE', 'LN']], startIn: -30, days: 730 },
  { slug: 'qingyun', type: 'registration', status: 'active', scope: [[null, 'HB']], startIn: -200, days: 365 },
  { slug: 'hengtong', type: 'registration', status: 'active', scope: [['GOV', 'SN'], ['EDU', 'SN']], startIn: -40, days: 365 },
  { slug: 'ruijie-data', type: 'registration', status: 'active', scope: [[null, 'FJ-XM']], startIn: -20, days: 365 },
  { slug: 'mingda', type: 'distribution', status: 'active', scope: [[null, 'HN']], startIn: -10, days: 365 },
  { slug: 'xinghai', type: 'registration', status: 'active', scope: [['HLT', 'ZJ'], ['FIN', 'ZJ-NB']], startIn: -50, days: 365 },
  { slug: 'lionbridge-sg', type: 'exclusive', status: 'active', scope: [[null, 'SG']], startIn: -70, days: 365 },
  { slug: 'kl-techworks', type: 'distribution', status: 'active', scope: [[null, 'MY']], startIn: -70, days: 365 },
  { slug: 'anxin', type: 'registration', status: 'active', scope: [[null, 'AH']], startIn: -25, days: 365 },
  { slug: 'boyuan', type: 'registration', status: 'active', scope: [['EDU', 'HA']], startIn: -15, days: 365 },
  { slug: 'lanting', type: 'registration', status: 'expired', scope: [[null, 'ZJ-HZ']], startIn: -515, days: 365 },
  { slug: 'hongtu', type: 'registration', status: 'active', scope: [[null, 'HL']], startIn: -300, days: 365 },
  { slug: 'yaxin', type: 'exclusive', status: 'terminated', scope: [['GOV', 'GS']], startIn: -400, days: 730 },
  { slug: 'shengshi', type: 'registration', status: 'expired', scope: [[null, 'JX']], startIn: -500, days: 365 },
  { slug: 'huasheng', type: 'registration', status: 'pending_approval', scope: [['HLT', 'GD-SZ']], startIn: 7, days: 365 },
  { slug: 'kaiyuan', type: 'exclusive', status: 'draft', scope: [['ENE', 'SX']], startIn: 30, days: 730 },
  { slug: 'yunfan', type: 'exclusive', status: 'draft', scope: [['TEL', 'GD']], startIn: 60, days: 730 },
];

export async function seedAgreements(m: EntityManager, ctx: { partnerIds: Ids; vendor: Ids; regions: Ids; industries: Ids }) {
  const products: { id: string; sku: string; list_price: string }[] = await m.query(`SELECT id, sku, list_price FROM products`);
  const lines: { id: string; code: string }[] = await m.query(`SELECT id, code FROM product_lines`);
  const sku = (s: string) => products.find((p) => p.sku === s)!;
  const line = (c: string) => lines.find((l) => l.code === c)!.id;
  const manager = ctx.vendor.get('manager')!;
  const approver = ctx.vendor.get('manager2')!;
  const today = Date.now();
  const catalog = { industryIds: [...ctx.industries.values()], regions: (await m.query(`SELECT id, parent_id AS "parentId" FROM regions`)) as { id: string; parentId: string | null }[] };

  for (const plan of PLANS) {
    const partnerId = ctx.partnerIds.get(plan.slug)!;
    const start = new Date(today + plan.startIn * DAY);
    const end = new Date(start.getTime() + (plan.days - 1) * DAY);
    const exclusive = plan.type === 'exclusive';
    const terms: AgreementTerms = {
      partnerId,
      type: plan.type,
      scope: plan.scope.map(([i, r]) => ({ industryId: i ? ctx.industries.get(i)! : null, regionId: r ? ctx.regions.get(r)! : null })),
      startDate: iso(start),
      endDate: iso(end),
      productIds: plan.type === 'distribution' ? [sku('DP-STD').id, sku('SEC-EDR').id, sku('CX-SVC').id] : [sku('DP-ENT').id, sku('DP-STD').id],
      pricing:
        plan.type === 'distribution'
          ? { model: 'tiered', breaks: [{ minQuantity: 0, unitPrice: '88200.00' }, { minQuantity: 20, unitPrice: '83300.00' }, { minQuantity: 50, unitPrice: '78400.00' }] }
          : { model: 'fixed_rebate', items: [{ productId: sku('DP-ENT').id, unitPrice: '408000.00' }, { productId: sku('DP-STD').id, unitPrice: '83300.00' }], rebate: plan.slug === 'qingyun' ? { ...DEFAULT_POLICIES.rebates, mode: 'incremental' } : DEFAULT_POLICIES.rebates },
      paymentTerms: '合同签订后 30 日内支付 50%，验收后 30 日内支付余款。',
      evaluationPeriod: exclusive ? 'quarter' : 'half',
      quotaPerPeriod: exclusive ? '6000000.00' : plan.type === 'distribution' ? '1500000.00' : '2000000.00',
      renewalThresholdPercent: exclusive ? 90 : 80,
      qualificationRequirements: [
        { jobRole: 'sales', productLineId: line('DATA'), headcount: exclusive ? 3 : 1 },
        { jobRole: 'presales', productLineId: line('DATA'), headcount: exclusive ? 2 : 1 },
        { jobRole: 'service', productLineId: line('DATA'), headcount: 1 },
      ],
      serviceDivision: { vendor: '标准产品支持、在线服务、版本升级。', partner: '定制化实施、现场服务、一线运维。' },
      obligations: { vendor: '提供培训、售前支持、市场活动资源，并保护已报备商机。', partner: '按期回款，维护客户关系，不代理竞品，按报备标准提交商机。' },
      renewalTerms: '期满前 60 日进行续约评审；业绩未达续约门槛或资格认定未通过的，可不予续约。',
      evidenceStandard: plan.type === 'registration' ? { proofOfCommunication: true, customerFeedback: false, customerDetails: true } : exclusive ? { proofOfCommunication: true, customerFeedback: true, customerDetails: true } : null,
      deposit: exclusive ? { amount: '300000.00', dueDate: iso(new Date(start.getTime() + 14 * DAY)), handling: 'offset' } : null,
      incentiveCoefficients: [],
    };
    const decided = plan.status !== 'draft' && plan.status !== 'pending_approval';
    const [row] = await m.query(
      `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by, submitted_by, submitted_at, approved_by, approved_at,
                               termination_reason, termination_effective, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        partnerId, plan.type, plan.status, terms.startDate, terms.endDate, JSON.stringify(terms), manager,
        plan.status === 'draft' ? null : manager, plan.status === 'draft' ? null : new Date(start.getTime() - 20 * DAY),
        decided ? approver : null, decided ? new Date(start.getTime() - 15 * DAY) : null,
        plan.status === 'terminated' ? '乙方违约：同时代理竞品，违反竞争回避约定。' : null,
        plan.status === 'terminated' ? iso(new Date(today - 30 * DAY)) : null,
        new Date(start.getTime() - 25 * DAY),
      ],
    );
    for (const s of terms.scope) await m.query(`INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) VALUES ($1, $2, $3)`, [row.id, s.industryId, s.regionId]);
    // The version is as old as the agreement (its history must agree with the header's dates).
    await m.query(`INSERT INTO agreement_versions (agreement_id, version, kind, status, terms, created_by, decided_by, decided_at, created_at) VALUES ($1, 1, 'original', $2, $3, $4, $5, $6, $7)`, [
      row.id,
      plan.status === 'draft' ? 'draft' : plan.status === 'pending_approval' ? 'pending' : 'approved',
      JSON.stringify(terms),
      manager,
      decided ? approver : null,
      decided ? new Date(start.getTime() - 15 * DAY) : null,
      new Date(start.getTime() - 25 * DAY),
    ]);
    if (exclusive && (plan.status === 'active' || plan.status === 'terminated')) {
      const last = plan.status === 'terminated' ? iso(new Date(today - 30 * DAY)) : terms.endDate;
      const cells = expandScope(terms.scope, catalog);
      await m.query(
        `INSERT INTO exclusive_claims (agreement_id, industry_id, region_id, period)
         SELECT $1, c.i, c.r, daterange($4::date, $5::date, '[]') FROM unnest($2::uuid[], $3::uuid[]) AS c(i, r)`,
        [row.id, cells.map((c) => c.industryId), cells.map((c) => c.regionId), terms.startDate, last],
      );
    }
  }
}
