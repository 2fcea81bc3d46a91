import type { INestApplicationContext } from '@nestjs/common';
import {
  addDays,
  type AgreementTerms,
  AgreementTermsSchema,
  DEFAULT_POLICIES,
  expandScope,
  type IncidentInput,
  type RegistrationInput,
  type RenewalDecisionInput,
  type SelfAssessmentInput,
} from '@partnerline/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/http/request-context';
import { businessToday } from '../common/time';
import { DealRegistrationsRepository } from '../modules/deal-registrations/deal-registrations.repository';
import { IncidentsService } from '../modules/partners/incidents.service';
import { PaymentsService } from '../modules/payments/payments.service';
import { DepositsService } from '../modules/rebates/deposits.service';
import { RenewalDecisionsService } from '../modules/renewals/renewal-decisions.service';
import { RenewalsService } from '../modules/renewals/renewals.service';
import { asUser as as, type DemoCatalogue, demoActors, demoCatalogue, withSeedApp } from './seed-app';

/**
 * Demo data for renewal reviews (issue #15), after the rebates demo. Each demo agreement below is written as the other
 * seeds write agreements (SQL: header, scopes, version, exclusive claims), its won deals through the registration
 * repository, invoices, deposits, incidents, reviews, self-assessments, findings and decisions through the owning
 * services — so every open review's live facts are true of the data, and every decided one froze what the decision
 * service computed. Dates are relative to the business day; each agreement is quarterly, 365 days long, so its three
 * ended quarters give a basis for the suggested quota.
 *
 * - 华信智联 (strategic): a one-year EXCLUSIVE (healthcare × Haidian, deposit paid) ending in 58 days, OPEN (opened by
 *   the manager, who found it compliant on competition): attainment 95 % of a 90 % threshold, but 3 presales engineers
 *   on the Data Platform required and 1 certified (its certificate expiring) → out of qualification compliance. Until
 *   owner@huaxin.demo self-assesses (declares no competing products) it recommends terminate (two facts at risk), then
 *   renew on probation; manager@partnerline.demo decides.
 * - 天禾网络: registration ending in 12 days, opened by the sweep 48 days ago and now OVERDUE (escalated): ~29 %
 *   attainment, an invoice 75 days overdue and one paid 40 days late, a major complaint → TERMINATE recommended.
 * - 金石软件: registration ending in 45 days, OPEN, everything on track (113 %, invoices on time, a passed
 *   qualification review, declared and found compliant) → RENEW recommended.
 * - 云帆信息: its exclusive (TEL × Guangdong) ends in 49 days: opened by the sweep; declares it sells competing products
 *   and the manager found a concern.
 * - 明达智能: DECIDED renew → a successor draft on the suggested quota.
 * - 吉隆坡科技工坊: attainment 74 % of 80 %, the rest in order: DECIDED renew on probation → three conditions and a
 *   check date 90 days into the new term.
 * - 北辰数字: declared it will not renew; DECIDED terminate (effective at its end date).
 * Six self-assessments rate the vendor (天禾, 金石, 云帆, 明达, 吉隆坡, 北辰) so the vendor-rating summary shows.
 */

const QUARTER_DAYS = 91;

/** The demo records by code, and the demo accounts' ids by email. */
type Lookups = DemoCatalogue & { user: (email: string) => string };

interface Plan {
  slug: string;
  type: 'registration' | 'exclusive';
  /** Days from today to the end date (the term is 365 days). */
  endIn: number;
  scope: [industry: string | null, region: string][];
  quota: string;
  threshold: number;
  /** [job role, product line, headcount] */
  requirements: ['sales' | 'presales' | 'service', string, number][];
  /** Won amounts in the term's quarters 1–4 (the fourth is the current one, won before today). */
  deals: [string, string, string, string];
  customers: [string, string][];
}

/** A demo agreement (active, approved), as seed-agreements writes one. */
async function insertAgreement(
  m: EntityManager,
  l: Lookups,
  plan: Plan,
  today: string,
): Promise<{ id: string; start: string; end: string }> {
  const end = addDays(today, plan.endIn);
  const start = addDays(end, -364);
  const exclusive = plan.type === 'exclusive';
  const manager = l.user('manager@partnerline.demo');
  const approver = l.user('manager2@partnerline.demo');
  const partnerId = l.partner(plan.slug);
  const terms: AgreementTerms = AgreementTermsSchema.parse({
    partnerId,
    type: plan.type,
    scope: plan.scope.map(([i, r]) => ({ industryId: i ? l.industry(i) : null, regionId: l.region(r) })),
    startDate: start,
    endDate: end,
    productIds: [l.productId('DP-ENT'), l.productId('DP-STD')],
    pricing: {
      model: 'fixed_rebate',
      items: [
        { productId: l.productId('DP-ENT'), unitPrice: '408000.00' },
        { productId: l.productId('DP-STD'), unitPrice: '83300.00' },
      ],
      rebate: DEFAULT_POLICIES.rebates,
    },
    paymentTerms: '合同签订后 30 日内支付 50%，验收后 30 日内支付余款。',
    evaluationPeriod: 'quarter',
    quotaPerPeriod: plan.quota,
    renewalThresholdPercent: plan.threshold,
    qualificationRequirements: plan.requirements.map(([jobRole, line, headcount]) => ({
      jobRole,
      productLineId: l.lineId(line),
      headcount,
    })),
    serviceDivision: { vendor: '标准产品支持、在线服务、版本升级。', partner: '定制化实施、现场服务、一线运维。' },
    obligations: {
      vendor: '提供培训、售前支持、市场活动资源，并保护已报备商机。',
      partner: '按期回款，维护客户关系，不代理竞品，按报备标准提交商机。',
    },
    renewalTerms: '期满前 60 日进行续约评审；业绩未达续约门槛或资格认定未通过的，可不予续约。',
    evidenceStandard: exclusive
      ? { proofOfCommunication: true, customerFeedback: true, customerDetails: true }
      : { proofOfCommunication: true, customerFeedback: false, customerDetails: true },
    deposit: exclusive ? { amount: '200000.00', dueDate: addDays(start, 14), handling: 'offset' } : null,
    incentiveCoefficients: [],
  });
  const at = (d: string) => new Date(`${d}T02:00:00Z`);
  const [row] = await m.query(
    `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by, submitted_by, submitted_at, approved_by, approved_at, created_at)
     VALUES ($1, $2, 'active', $3, $4, $5, $6, $6, $7, $8, $9, $10) RETURNING id`,
    [
      partnerId,
      plan.type,
      start,
      end,
      JSON.stringify(terms),
      manager,
      at(addDays(start, -20)),
      approver,
      at(addDays(start, -15)),
      at(addDays(start, -25)),
    ],
  );
  await m.query(
    `INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) SELECT $1, s.i, s.r FROM unnest($2::uuid[], $3::uuid[]) AS s(i, r)`,
    [row.id, terms.scope.map((s) => s.industryId), terms.scope.map((s) => s.regionId)],
  );
  await m.query(
    `INSERT INTO agreement_versions (agreement_id, version, kind, status, terms, created_by, decided_by, decided_at, created_at) VALUES ($1, 1, 'original', 'approved', $2, $3, $4, $5, $6)`,
    [row.id, JSON.stringify(terms), manager, approver, at(addDays(start, -15)), at(addDays(start, -25))],
  );
  if (exclusive) {
    const cells = expandScope(terms.scope, l.catalog);
    await m.query(
      `INSERT INTO exclusive_claims (agreement_id, industry_id, region_id, period)
       SELECT $1, c.i, c.r, daterange($4::date, $5::date, '[]') FROM unnest($2::uuid[], $3::uuid[]) AS c(i, r)`,
      [row.id, cells.map((c) => c.industryId), cells.map((c) => c.regionId), start, end],
    );
  }
  return { id: row.id as string, start, end };
}

/** A won registration of the agreement (submitted, approved, won on `wonOn`), as the rebates seed writes them. */
async function wonDeal(
  m: EntityManager,
  registrations: DealRegistrationsRepository,
  l: Lookups,
  a: { id: string; slug: string; partnerId: string; industry: string; region: string },
  customer: string,
  amount: string,
  wonOn: string,
): Promise<void> {
  const owner = l.user(`owner@${a.slug}.demo`);
  const manager = l.user('manager@partnerline.demo');
  const submittedOn = addDays(wonOn, -45);
  const input: RegistrationInput = {
    customer: { name: customer, industryId: l.industry(a.industry), regionId: l.region(a.region) },
    contacts: [
      { name: '信息化负责人', decisionLevel: 'decision_maker' },
      { name: '采购经理', decisionLevel: 'procurement' },
    ],
    products: [{ productId: l.productId('DP-ENT'), quantity: 1 }],
    estimatedAmount: amount,
    expectedCloseDate: wonOn,
    stage: 'negotiation',
    need: '建设统一数据平台，打通业务系统数据，支持经营分析。',
    evidence: {
      proofOfCommunication: '拜访纪要及会议照片',
      customerDetails: '信息中心主任、采购经理联系方式',
      customerFeedback: '客户认可方案方向',
    },
  };
  const row = await registrations.insertSubmitted(m, a.partnerId, input, owner, {
    status: 'in_review',
    submittedAt: new Date(`${submittedOn}T02:00:00Z`),
    slaDue: addDays(submittedOn, 2),
    agreementId: a.id,
  });
  await registrations.setStatus(m, row.id, 'approved');
  await registrations.markApproved(m, row.id, new Date(`${addDays(submittedOn, 2)}T02:00:00Z`), addDays(submittedOn, 92));
  await registrations.addHistory(m, row.id, 'in_review', 'approved', null, manager);
  await registrations.setStatus(m, row.id, 'won');
  await registrations.setWon(m, row.id, amount, wonOn);
  await registrations.addHistory(m, row.id, 'approved', 'won', null, owner);
}

const PLANS: Record<'huaxin' | 'tianhe' | 'jinshi' | 'mingda' | 'kl' | 'beichen', Plan> = {
  // Open, manager-opened; qualification short (3 presales required on Data, 2 on staff).
  huaxin: {
    slug: 'huaxin',
    type: 'exclusive',
    endIn: 58,
    scope: [['HLT', 'BJ-HD']],
    quota: '1500000.00',
    threshold: 90,
    requirements: [
      ['sales', 'DATA', 1],
      ['presales', 'DATA', 3],
    ],
    deals: ['1600000.00', '1500000.00', '1400000.00', '300000.00'],
    customers: [
      ['北京大学第三医院', 'BJ-HD'],
      ['中国人民解放军总医院', 'BJ-HD'],
      ['北京清华长庚医院', 'BJ-HD'],
      ['北京市海淀医院', 'BJ-HD'],
    ],
  },
  // Open (the sweep, 48 days ago), overdue: far below threshold, late payments, a major complaint.
  tianhe: {
    slug: 'tianhe',
    type: 'registration',
    endIn: 12,
    scope: [[null, 'GD-GZ']],
    quota: '800000.00',
    threshold: 80,
    requirements: [],
    deals: ['350000.00', '0', '400000.00', '150000.00'],
    customers: [
      ['广州地铁集团有限公司', 'GD-GZ'],
      ['', ''],
      ['广州市第一人民医院', 'GD-GZ'],
      ['广州白云国际机场股份有限公司', 'GD-GZ'],
    ],
  },
  // Open, all on track.
  jinshi: {
    slug: 'jinshi',
    type: 'registration',
    endIn: 45,
    scope: [[null, 'JS-NJ']],
    quota: '500000.00',
    threshold: 80,
    requirements: [],
    deals: ['520000.00', '560000.00', '610000.00', '300000.00'],
    customers: [
      ['南京银行股份有限公司', 'JS-NJ'],
      ['江苏省人民医院', 'JS-NJ'],
      ['南京地铁集团有限公司', 'JS-NJ'],
      ['东南大学', 'JS-NJ'],
    ],
  },
  // Decided: renew.
  mingda: {
    slug: 'mingda',
    type: 'registration',
    endIn: 40,
    scope: [[null, 'HN-CS']],
    quota: '600000.00',
    threshold: 80,
    requirements: [],
    deals: ['650000.00', '700000.00', '640000.00', '320000.00'],
    customers: [
      ['长沙银行股份有限公司', 'HN-CS'],
      ['中南大学湘雅医院', 'HN-CS'],
      ['湖南省高速公路集团有限公司', 'HN-CS'],
      ['三一重工股份有限公司', 'HN-CS'],
    ],
  },
  // Decided: renew on probation (attainment 74 % of an 80 % threshold; the rest in order).
  kl: {
    slug: 'kl-techworks',
    type: 'registration',
    endIn: 30,
    scope: [[null, 'MY-KL']],
    quota: '400000.00',
    threshold: 80,
    requirements: [],
    deals: ['280000.00', '300000.00', '310000.00', '200000.00'],
    customers: [
      ['Maybank Berhad', 'MY-KL'],
      ['Sunway Medical Centre', 'MY-KL'],
      ['Axiata Group Berhad', 'MY-KL'],
      ['Universiti Malaya', 'MY-KL'],
    ],
  },
  // Decided: terminate (the partner declared it will not renew).
  beichen: {
    slug: 'beichen',
    type: 'registration',
    endIn: 25,
    scope: [[null, 'LN-SY']],
    quota: '700000.00',
    threshold: 80,
    requirements: [],
    deals: ['150000.00', '100000.00', '0', '0'],
    customers: [
      ['沈阳市第一人民医院', 'LN-SY'],
      ['盛京银行股份有限公司', 'LN-SY'],
      ['', ''],
      ['', ''],
    ],
  },
};

type Rating = SelfAssessmentInput['rating'];
const assessment = (o: {
  wentWell: string;
  plan: string;
  proposedQuota?: string | null;
  competing?: string | null;
  willRenew?: boolean;
  rating: Rating;
}): SelfAssessmentInput => ({
  wentWell: o.wentWell,
  plan: o.plan,
  proposedQuota: o.proposedQuota ?? null,
  competitionDeclaration: o.competing ? 'sells_competing_products' : 'no_competing_products',
  competingProducts: o.competing ?? null,
  willRenew: o.willRenew ?? true,
  rating: o.rating,
});

interface Services {
  renewals: RenewalsService;
  decisions: RenewalDecisionsService;
  incidents: IncidentsService;
  payments: PaymentsService;
  deposits: DepositsService;
  registrations: DealRegistrationsRepository;
}

const services = (app: INestApplicationContext): Services => ({
  renewals: app.get(RenewalsService),
  decisions: app.get(RenewalDecisionsService),
  incidents: app.get(IncidentsService),
  payments: app.get(PaymentsService),
  deposits: app.get(DepositsService),
  registrations: app.get(DealRegistrationsRepository),
});

export interface RenewalSeedSummary {
  agreements: number;
  reviews: number;
  decided: number;
  selfAssessments: number;
  incidents: number;
}

async function seedAll(db: DataSource, s: Services, today: string): Promise<RenewalSeedSummary> {
  const m = db.manager;
  const actor = await demoActors(m, 'renewals');
  const l: Lookups = { ...(await demoCatalogue(m, 'renewals')), user: (email) => actor(email).id };
  const [manager, manager2, admin] = [actor('manager@partnerline.demo'), actor('manager2@partnerline.demo'), actor('admin@partnerline.demo')];
  const owner = (slug: string) => actor(`owner@${slug}.demo`);
  const out: RenewalSeedSummary = { agreements: 0, reviews: 0, decided: 0, selfAssessments: 0, incidents: 0 };

  // The agreements and their won deals (one transaction: the reviews below read them).
  const ids = await db.transaction(async (t) => {
    const made = {} as Record<keyof typeof PLANS, { id: string; start: string; end: string }>;
    for (const [key, plan] of Object.entries(PLANS) as [keyof typeof PLANS, Plan][]) {
      const a = await insertAgreement(t, l, plan, today);
      made[key] = a;
      out.agreements++;
      const [industry] = plan.scope[0];
      for (const [q, amount] of plan.deals.entries()) {
        if (amount === '0') continue;
        const [customer, region] = plan.customers[q];
        // Mid-quarter for the ended ones; the current quarter's deal three weeks into it (before today).
        const wonOn = addDays(a.start, q * QUARTER_DAYS + (q === 3 ? 21 : 40));
        await wonDeal(
          t,
          s.registrations,
          l,
          { id: a.id, slug: plan.slug, partnerId: l.partner(plan.slug), industry: industry ?? 'MFG', region },
          customer,
          amount,
          wonOn,
        );
      }
    }
    // Completed qualification reviews in the terms: passed (金石, 明达, 吉隆坡), failed (北辰).
    const checklist = JSON.stringify({
      demoEnvironment: { pass: true, notes: '标准演示环境可用。' },
      marketingQuality: { pass: true, notes: '线索登记完整。' },
      afterSalesProcess: { pass: true, notes: '一线运维流程清晰。' },
      notes: '各项达标。',
    });
    const results = [
      ['jinshi', 'pass'],
      ['mingda', 'pass'],
      ['kl-techworks', 'pass'],
      ['beichen', 'fail'],
      ['tianhe', 'pass'],
    ] as const;
    await t.query(
      `INSERT INTO qualification_reviews (partner_id, due_on, status, result, certified_staff, checklist, reviewer_id, completed_at, created_at)
       SELECT q.partner_id, $4, 'completed', q.result, q.certified_staff, $5, $6, $7, $7
       FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS q(partner_id, result, certified_staff, n) ORDER BY q.n`,
      [
        results.map(([slug]) => l.partner(slug)),
        results.map(([, result]) => result),
        results.map(([, result]) => JSON.stringify({ pass: result === 'pass', gaps: [] })),
        addDays(today, -76),
        checklist,
        manager.id,
        new Date(`${addDays(today, -75)}T03:00:00Z`),
      ],
    );
    return made;
  });

  // Invoices (the payments ledger): 天禾 one 75 days overdue and unpaid, one paid 40 days late; the others on time.
  const invoices: [string, string, string, number, number | null][] = [
    ['tianhe', 'INV-TH-2026-0801', '350000.00', -115, -75],
    ['tianhe', 'INV-TH-2026-0901', '400000.00', -75, null],
    ['tianhe', 'INV-TH-2026-1001', '150000.00', -40, -41],
    ['jinshi', 'INV-JS-2026-0801', '560000.00', -100, -104],
    ['jinshi', 'INV-JS-2026-1001', '610000.00', -35, -37],
    ['mingda', 'INV-MD-2026-0801', '700000.00', -95, -96],
    ['mingda', 'INV-MD-2026-1001', '640000.00', -30, -30],
    ['kl-techworks', 'INV-KL-2026-0801', '300000.00', -110, -112],
    ['kl-techworks', 'INV-KL-2026-0901', '310000.00', -50, -51],
    ['beichen', 'INV-BC-2026-0901', '100000.00', -50, null],
  ];
  for (const [slug, invoiceNo, amount, due, paid] of invoices) {
    await as(admin, () =>
      s.payments.create(
        { partnerId: l.partner(slug), invoiceNo, amount, dueOn: addDays(today, due), paidOn: paid === null ? null : addDays(today, paid) },
        admin,
      ),
    );
  }

  // 华信's new exclusive: its deposit paid on the due date (a renewal carries it over).
  const huaxinDeposit = await s.deposits.get(ids.huaxin.id, { kind: 'vendor' }, today);
  await as(admin, () =>
    s.deposits.move(
      ids.huaxin.id,
      { to: 'paid', occurredOn: huaxinDeposit.dueOn, reference: `DEP-HUAXIN-HLT-${huaxinDeposit.dueOn.slice(0, 4)}` },
      admin,
      today,
    ),
  );

  // Incidents, recorded by the channel managers.
  const incidents: [string, AuthenticatedUser, IncidentInput][] = [
    [
      'tianhe',
      manager,
      {
        occurredOn: addDays(today, -30),
        severity: 'major',
        category: 'complaint',
        summary: '广州地铁项目验收延期两周，客户书面投诉实施团队人员频繁更换。',
      },
    ],
    [
      'tianhe',
      manager,
      { occurredOn: addDays(today, -80), severity: 'minor', category: 'service', summary: '工单响应超过 4 小时时限（两次）。' },
    ],
    [
      'huaxin',
      manager,
      {
        occurredOn: addDays(today, -20),
        severity: 'minor',
        category: 'service',
        summary: '海淀医院数据平台升级窗口延后一天，已与客户协调。',
      },
    ],
    [
      'kl-techworks',
      manager2,
      {
        occurredOn: addDays(today, -60),
        severity: 'minor',
        category: 'service',
        summary: 'Sunway Medical Centre outage: escalation to level 2 support came 3 hours late.',
      },
    ],
    [
      'yunfan',
      manager,
      {
        occurredOn: addDays(today, -100),
        severity: 'minor',
        category: 'reputation',
        summary: '行业展会上以本公司名义发布未经授权的价格信息。',
      },
    ],
  ];
  for (const [slug, who, input] of incidents) {
    await as(who, () => s.incidents.record(l.partner(slug), input, who, today));
    out.incidents++;
  }

  // 天禾: opened by the sweep 60 days before its end (48 days ago), overdue since, escalated.
  const sweepDay = addDays(ids.tianhe.end, -DEFAULT_POLICIES.renewals.openDaysBeforeEnd);
  await s.renewals.openDue(sweepDay);
  await s.renewals.escalateOverdue(today);

  // Opened on demand by the channel managers.
  const reviewOf = async (agreementId: string, by: AuthenticatedUser) => (await as(by, () => s.renewals.open(agreementId, by))).id;
  const reviews = {
    huaxin: await reviewOf(ids.huaxin.id, manager),
    jinshi: await reviewOf(ids.jinshi.id, manager2),
    mingda: await reviewOf(ids.mingda.id, manager2),
    kl: await reviewOf(ids.kl.id, manager2),
    beichen: await reviewOf(ids.beichen.id, manager2),
  };
  // Then today's sweep opens what else is due: 云帆's exclusive (and nothing the managers opened).
  await s.renewals.openDue(today);
  const [{ id: tianheReview }] = await m.query(`SELECT id FROM renewal_reviews WHERE agreement_id = $1`, [ids.tianhe.id]);
  const [yunfanRow] = await m.query(
    `SELECT r.id FROM renewal_reviews r JOIN agreements a ON a.id = r.agreement_id WHERE a.partner_id = $1 AND a.type = 'exclusive' AND r.status = 'open'`,
    [l.partner('yunfan')],
  );
  out.reviews = 6 + (yunfanRow ? 1 : 0);

  // Self-assessments with the partners' rating of the vendor.
  const selfAssess = async (slug: string, reviewId: string, input: SelfAssessmentInput) => {
    const o = owner(slug);
    await as(o, () => s.renewals.selfAssess(reviewId, input, o));
    out.selfAssessments++;
  };
  await selfAssess(
    'tianhe',
    tianheReview,
    assessment({
      wentWell: '广州地铁项目最终完成交付。',
      plan: '补充两名实施工程师，下一期聚焦交通行业。',
      proposedQuota: '500000.00',
      rating: {
        product: 3,
        competitiveness: 2,
        margin: 2,
        training: 3,
        support: 2,
        likelyToRecommend: 4,
        comments: '回款账期太短，报价缺乏竞争力。',
      },
    }),
  );
  await selfAssess(
    'jinshi',
    reviews.jinshi,
    assessment({
      wentWell: '南京银行、江苏省人民医院两个标杆项目上线，季度任务均超额完成。',
      plan: '拓展苏州、无锡市场，新增一名售前工程师。',
      proposedQuota: '650000.00',
      rating: {
        product: 5,
        competitiveness: 4,
        margin: 4,
        training: 5,
        support: 4,
        likelyToRecommend: 9,
        comments: '产品稳定，售前支持响应快。',
      },
    }),
  );
  await selfAssess(
    'mingda',
    reviews.mingda,
    assessment({
      wentWell: '长沙银行数据平台扩容，湘雅医院新签。',
      plan: '下一期目标覆盖湖南省内三家城商行。',
      proposedQuota: '700000.00',
      rating: {
        product: 4,
        competitiveness: 4,
        margin: 3,
        training: 4,
        support: 5,
        likelyToRecommend: 8,
        comments: '希望返点计算规则更透明。',
      },
    }),
  );
  await selfAssess(
    'kl-techworks',
    reviews.kl,
    assessment({
      wentWell: 'Maybank and Axiata renewed their subscriptions.',
      plan: 'Certify a presales engineer on the Data Platform in the first quarter.',
      proposedQuota: '400000.00',
      rating: {
        product: 4,
        competitiveness: 3,
        margin: 3,
        training: 2,
        support: 4,
        likelyToRecommend: 7,
        comments: 'Training content in English is limited.',
      },
    }),
  );
  await selfAssess(
    'beichen',
    reviews.beichen,
    assessment({
      wentWell: '沈阳两家医院试点完成。',
      plan: '公司战略调整，聚焦能源行业独家业务。',
      willRenew: false,
      rating: {
        product: 3,
        competitiveness: 2,
        margin: 3,
        training: 3,
        support: 3,
        likelyToRecommend: 5,
        comments: '区域市场投入不足，我们决定本期到期后不再续约。',
      },
    }),
  );
  if (yunfanRow) {
    await selfAssess(
      'yunfan',
      yunfanRow.id,
      assessment({
        wentWell: '中国移动广东公司项目上线，上季度完成 110%。',
        plan: '继续深耕运营商行业。',
        competing: '运营商客户指定的另一家 CDP 产品（仅限既有项目维保）。',
        rating: { product: 4, competitiveness: 3, margin: 4, training: 4, support: 3, likelyToRecommend: 6, comments: null },
      }),
    );
  }

  // The managers' competition findings.
  const finding = (reviewId: string, who: AuthenticatedUser, f: 'compliant' | 'concern' | 'breach', note: string) =>
    as(who, () => s.renewals.competitionFinding(reviewId, { finding: f, note }, who));
  await finding(reviews.huaxin, manager, 'compliant', '核查海淀区医疗项目投标记录，未发现代理竞品。');
  await finding(reviews.jinshi, manager2, 'compliant', '走访客户并核查投标记录，未发现代理竞品。');
  await finding(reviews.mingda, manager2, 'compliant', '核查近一年投标记录，未发现竞品。');
  await finding(reviews.kl, manager2, 'compliant', 'No competing products found in the tender records.');
  if (yunfanRow) await finding(yunfanRow.id, manager, 'concern', '在东莞联通项目中同时投标了友商产品，需说明并承诺不再代理。');

  // The decisions, through the decision service (facts and recommendation frozen as it computes them).
  const decide = async (reviewId: string, who: AuthenticatedUser, input: RenewalDecisionInput) => {
    await as(who, () => s.decisions.decide(reviewId, input, who));
    out.decided++;
  };
  await decide(reviews.mingda, manager2, {
    outcome: 'renew',
    rationale: '连续三个季度完成任务，回款及时，资格复核通过：按建议任务额续约。',
  });
  const klSuccessorStart = addDays(ids.kl.end, 1);
  await decide(reviews.kl, manager2, {
    outcome: 'renew_on_probation',
    rationale: 'Attainment is 74% against an 80% threshold: renew on probation, checked after the first quarter of the new term.',
    conditions: [
      'Reach 80% of the first quarter’s quota',
      'Certify one presales engineer on the Data Platform',
      'Escalate outages to level 2 support within 2 hours',
    ],
    checkOn: addDays(klSuccessorStart, 90),
  });
  await decide(reviews.beichen, manager2, {
    outcome: 'terminate',
    rationale: '伙伴声明不再续约，且业绩远低于续约门槛、资格复核未通过：到期终止。',
  });
  // The board's cached recommendations of the open reviews, as the hourly sweep refreshes them.
  await s.renewals.refreshOpen();
  return out;
}

/** Loads the renewals demo (after the rebates demo has committed). */
export function seedRenewals(ds: DataSource): Promise<RenewalSeedSummary> {
  return withSeedApp(ds, { name: 'renewals', what: 'renewal reviews' }, (app) => seedAll(app.get(DataSource), services(app), businessToday()));
}
