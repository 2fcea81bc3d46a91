import { addDays, evaluationPeriods, type EvaluationPeriod, periodOf, type RegistrationInput } from '@partnerline/domain';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import { AppModule } from '../app.module';
import { businessToday } from '../common/time';
import { loadConfig } from '../config/config';
import { type AuthenticatedUser, requestContext } from '../common/http/request-context';
import { ConflictsRepository } from '../modules/deal-registrations/conflicts.repository';
import { DealRegistrationsRepository } from '../modules/deal-registrations/deal-registrations.repository';
import { PaymentsService } from '../modules/payments/payments.service';
import { DepositsService } from '../modules/rebates/deposits.service';
import { QuotasService } from '../modules/rebates/quotas.service';
import { RebateDisputesService } from '../modules/rebates/rebate-disputes.service';
import { RebateReversalsService } from '../modules/rebates/rebate-reversals.service';
import { RebateRunsService } from '../modules/rebates/rebate-runs.service';
import { RebateStatementsService } from '../modules/rebates/rebate-statements.service';

/**
 * Demo data for performance and rebates (issue #14), written through the owning modules' services and repositories
 * (the seed's own SQL only reads). It runs after the main demo transaction has committed, because a rebate run works in
 * its own transactions (one per batch) and must see the agreements and deals.
 *
 * What the demo shows (periods are each agreement's own, counted from its term start; "this" = the one holding today):
 * - 华信智联, exclusive (quarterly, quota 6,000,000, retroactive): last quarter ABOVE THE TOP TIER (135% → 6%), statement
 *   approved by a second manager and paid; one of its deals was then reversed (order cancelled) → ONE clawback line on
 *   this quarter's statement. This quarter BETWEEN TIERS (88% → 2%, 720,000 more reaches 4%), with its 60% of a split deal.
 *   Deposit paid, then offset against performance.
 * - 兰亭科技, registration (half-yearly, quota 2,000,000, retroactive): this half BELOW THE THRESHOLD (74%, with its 40% of
 *   the split deal): 120,000 more reaches 80% and would earn 32,000.
 * - 青云软件, registration, INCREMENTAL (each band at its rate): last half 105% (statement approved and paid), this half
 *   128%, above the top tier.
 * - 云帆信息, exclusive (quarterly, 6,000,000): last quarter 110% → 4%, statement approved (not paid) with ONE DISPUTED LINE
 *   (open, for a manager to resolve); this quarter 45% so far.
 *   Next quarter's quota set to 6,600,000 (before it starts, so no amendment).
 * - 亚信恒达, exclusive terminated for breach: deposit paid, then forfeited.
 * - Payments (the partner's invoices from the vendor): 华信 on time, 兰亭 one paid late and one open past due, 云帆 mixed.
 */

const minDate = (a: string, b: string) => (a < b ? a : b);

interface Agreement {
  id: string;
  partnerId: string;
  slug: string;
  type: string;
  status: string;
  start: string;
  end: string;
  periods: EvaluationPeriod[];
}

/** A won deal: in which period (this one or the previous one), on which day of it (0-based, capped at today), how much. */
interface Deal {
  slug: string;
  agreement: 'exclusive' | 'registration';
  when: 'this' | 'last';
  day: number;
  customer: string;
  industry: string;
  region: string;
  amount: string;
  /** Reversed after the last period was paid: the clawback of the demo. */
  reversed?: boolean;
}

const DEALS: Deal[] = [
  // 华信 exclusive, last quarter: 8,100,000 = 135% of 6,000,000 (after the 600,000 reversal: 7,500,000 = 125%, still the top tier).
  { slug: 'huaxin', agreement: 'exclusive', when: 'last', day: 8, customer: '中国工商银行股份有限公司北京市分行', industry: 'FIN', region: 'BJ', amount: '2400000.00' },
  { slug: 'huaxin', agreement: 'exclusive', when: 'last', day: 21, customer: '招商银行股份有限公司深圳分行', industry: 'FIN', region: 'GD-SZ', amount: '1800000.00' },
  { slug: 'huaxin', agreement: 'exclusive', when: 'last', day: 35, customer: '上海浦东发展银行股份有限公司上海分行', industry: 'FIN', region: 'SH', amount: '1500000.00' },
  { slug: 'huaxin', agreement: 'exclusive', when: 'last', day: 49, customer: '兴业银行股份有限公司福州分行', industry: 'FIN', region: 'FJ', amount: '1200000.00' },
  { slug: 'huaxin', agreement: 'exclusive', when: 'last', day: 63, customer: '天津银行股份有限公司', industry: 'FIN', region: 'TJ', amount: '600000.00', reversed: true },
  { slug: 'huaxin', agreement: 'exclusive', when: 'last', day: 77, customer: '北京农村商业银行股份有限公司', industry: 'FIN', region: 'BJ', amount: '600000.00' },
  // 华信 exclusive, this quarter: 2,100,000 + 1,980,000 + 60% of the 2,000,000 split = 5,280,000 = 88%.
  { slug: 'huaxin', agreement: 'exclusive', when: 'this', day: 3, customer: '中信证券股份有限公司', industry: 'FIN', region: 'GD-SZ', amount: '2100000.00' },
  { slug: 'huaxin', agreement: 'exclusive', when: 'this', day: 9, customer: '江苏银行股份有限公司', industry: 'FIN', region: 'JS', amount: '1980000.00' },
  // 兰亭 registration, this half: 420,000 + 260,000 + 40% of the split = 1,480,000 = 74% of 2,000,000.
  { slug: 'lanting', agreement: 'registration', when: 'this', day: 20, customer: '杭州西湖文化旅游投资集团有限公司', industry: 'RET', region: 'ZJ-HZ', amount: '420000.00' },
  { slug: 'lanting', agreement: 'registration', when: 'this', day: 45, customer: '宁波港东南物流集团有限公司', industry: 'LOG', region: 'ZJ-NB', amount: '260000.00' },
  // 青云 registration (incremental), last half: 2,100,000 = 105%; this half: 2,560,000 = 128%.
  { slug: 'qingyun', agreement: 'registration', when: 'last', day: 30, customer: '武汉市中心医院', industry: 'HLT', region: 'HB-WH', amount: '1250000.00' },
  { slug: 'qingyun', agreement: 'registration', when: 'last', day: 95, customer: '湖北省交通投资集团有限公司', industry: 'LOG', region: 'HB', amount: '850000.00' },
  { slug: 'qingyun', agreement: 'registration', when: 'this', day: 2, customer: '东风汽车集团有限公司', industry: 'MFG', region: 'HB-WH', amount: '1560000.00' },
  { slug: 'qingyun', agreement: 'registration', when: 'this', day: 10, customer: '武汉大学', industry: 'EDU', region: 'HB-WH', amount: '1000000.00' },
  // 云帆 exclusive, last quarter: 6,600,000 = 110%; this quarter: 2,700,000 = 45%.
  { slug: 'yunfan', agreement: 'exclusive', when: 'last', day: 12, customer: '中国移动通信集团广东有限公司', industry: 'TEL', region: 'GD', amount: '3200000.00' },
  { slug: 'yunfan', agreement: 'exclusive', when: 'last', day: 40, customer: '中国电信股份有限公司深圳分公司', industry: 'TEL', region: 'GD-SZ', amount: '2100000.00' },
  { slug: 'yunfan', agreement: 'exclusive', when: 'last', day: 70, customer: '广州市城市信息化投资有限公司', industry: 'TEL', region: 'GD-GZ', amount: '1300000.00' },
  { slug: 'yunfan', agreement: 'exclusive', when: 'this', day: 4, customer: '中国联合网络通信有限公司东莞市分公司', industry: 'TEL', region: 'GD-DG', amount: '2700000.00' },
];

/** The co-sell split: one customer, 华信 (exclusive holder, 60%) and 兰亭 (relationship, 40%), won together. */
const SPLIT = { customer: '浙江省能源集团财务有限责任公司', industry: 'FIN', region: 'ZJ-HZ', amount: '2000000.00', shares: { huaxin: 60, lanting: 40 } };

interface Lookups {
  partner: (slug: string) => string;
  user: (email: string) => string;
  industry: (code: string) => string;
  region: (code: string) => string;
  agreement: (slug: string, type: string) => Agreement;
  productId: string;
}

async function lookups(m: EntityManager): Promise<Lookups> {
  const partners: { id: string; domain: string }[] = await m.query(`SELECT id, domain FROM partners WHERE domain LIKE '%.example.com'`);
  const users: { id: string; email: string }[] = await m.query(`SELECT id, email FROM users WHERE email LIKE '%.demo'`);
  const industries: { id: string; code: string }[] = await m.query(`SELECT id, code FROM industries`);
  const regions: { id: string; code: string }[] = await m.query(`SELECT id, code FROM regions`);
  const agreements: { id: string; partner_id: string; type: string; status: string; start_date: string; end_date: string; terms: { evaluationPeriod?: 'quarter' | 'half' | 'year' } }[] =
    await m.query(`SELECT id, partner_id, type, status, start_date, end_date, terms FROM agreements WHERE status IN ('active', 'terminated') ORDER BY created_at`);
  const [product] = await m.query(`SELECT id FROM products WHERE sku = 'DP-ENT'`);
  const find = <T>(xs: T[], f: (x: T) => boolean, what: string): T => {
    const x = xs.find(f);
    if (!x) throw new Error(`rebates seed: ${what} not found in the demo data`);
    return x;
  };
  const partner = (slug: string) => find(partners, (p) => p.domain === `${slug}.example.com`, `partner ${slug}`).id;
  return {
    partner,
    user: (email) => find(users, (u) => u.email === email, `user ${email}`).id,
    industry: (code) => find(industries, (i) => i.code === code, `industry ${code}`).id,
    region: (code) => find(regions, (r) => r.code === code, `region ${code}`).id,
    agreement: (slug, type) => {
      const a = find(agreements, (x) => x.partner_id === partner(slug) && x.type === type, `${type} agreement of ${slug}`);
      return { id: a.id, partnerId: a.partner_id, slug, type: a.type, status: a.status, start: a.start_date, end: a.end_date, periods: evaluationPeriods(a.start_date, a.end_date, a.terms.evaluationPeriod ?? 'quarter') };
    },
    productId: product.id,
  };
}

/** This period (holding today) and the one before it, of an agreement; null where the term has none. */
function periodsAround(a: Agreement, today: string): { this: EvaluationPeriod | null; last: EvaluationPeriod | null } {
  const now = periodOf(a.periods, minDate(today, a.end));
  const last = now ? (a.periods.find((p) => p.index === now.index - 1) ?? null) : null;
  return { this: now, last };
}

function dealInput(l: Lookups, d: { customer: string; industry: string; region: string; amount: string }, closeOn: string): RegistrationInput {
  return {
    customer: { name: d.customer, industryId: l.industry(d.industry), regionId: l.region(d.region) },
    contacts: [{ name: '信息化负责人', decisionLevel: 'decision_maker' }, { name: '采购经理', decisionLevel: 'procurement' }],
    products: [{ productId: l.productId, quantity: 1 }],
    estimatedAmount: d.amount,
    expectedCloseDate: closeOn,
    stage: 'negotiation',
    need: '建设统一数据平台，打通业务系统数据，支持经营分析。',
    evidence: { proofOfCommunication: '拜访纪要及会议照片', customerDetails: '信息中心主任、采购经理联系方式', customerFeedback: '客户认可方案方向' },
  };
}

/** Repositories and services the demo is written through, from the application's own module graph. */
interface Writers {
  registrations: DealRegistrationsRepository;
  conflicts: ConflictsRepository;
  runs: RebateRunsService;
  statements: RebateStatementsService;
  reversals: RebateReversalsService;
  disputes: RebateDisputesService;
  deposits: DepositsService;
  quotas: QuotasService;
  payments: PaymentsService;
}

function writers(app: INestApplicationContext): Writers {
  return {
    registrations: app.get(DealRegistrationsRepository),
    conflicts: app.get(ConflictsRepository),
    runs: app.get(RebateRunsService),
    statements: app.get(RebateStatementsService),
    reversals: app.get(RebateReversalsService),
    disputes: app.get(RebateDisputesService),
    deposits: app.get(DepositsService),
    quotas: app.get(QuotasService),
    payments: app.get(PaymentsService),
  };
}

/**
 * One won registration of an agreement, through the registration repository: submitted (in review or in conflict),
 * approved by the manager, won on `wonOn`.
 */
async function wonDeal(
  m: EntityManager,
  w: Writers,
  l: Lookups,
  a: Agreement,
  d: { customer: string; industry: string; region: string; amount: string },
  wonOn: string,
  inConflict = false,
): Promise<string> {
  const owner = l.user(`owner@${a.slug}.demo`);
  const manager = l.user('manager@partnerline.demo');
  const submittedOn = addDays(wonOn, -45);
  const row = await w.registrations.insertSubmitted(m, a.partnerId, dealInput(l, d, wonOn), owner, {
    status: inConflict ? 'in_conflict' : 'in_review',
    submittedAt: new Date(`${submittedOn}T02:00:00Z`),
    slaDue: addDays(submittedOn, 2),
    agreementId: a.id,
  });
  await w.registrations.setStatus(m, row.id, 'approved');
  await w.registrations.markApproved(m, row.id, new Date(`${addDays(submittedOn, 2)}T02:00:00Z`), addDays(submittedOn, 92));
  await w.registrations.addHistory(m, row.id, inConflict ? 'in_conflict' : 'in_review', 'approved', null, manager);
  await w.registrations.setStatus(m, row.id, 'won');
  await w.registrations.setWon(m, row.id, d.amount, wonOn);
  await w.registrations.addHistory(m, row.id, 'approved', 'won', null, owner);
  return row.id;
}

/** A day of a period, `day` days after its start, never after today nor after its end. */
const dayIn = (p: EvaluationPeriod, day: number, today: string) => minDate(minDate(addDays(p.start, day), p.end), today);

export interface RebateSeedSummary {
  wonDeals: number;
  split: boolean;
  runs: string[];
  quotas: number;
  statements: number;
  paid: number;
  disputes: number;
  reversals: number;
  depositEvents: number;
  invoices: number;
}

/** The won deals and the split: the basis the rebate runs, performance pages and what-if read. */
async function seedBasis(m: EntityManager, w: Writers, l: Lookups, today: string) {
  const reversed: string[] = [];
  let wonDeals = 0;
  for (const d of DEALS) {
    const a = l.agreement(d.slug, d.agreement);
    const period = periodsAround(a, today)[d.when];
    if (!period) continue;
    const id = await wonDeal(m, w, l, a, d, dayIn(period, d.day, today));
    wonDeals++;
    if (d.reversed) reversed.push(id);
  }
  // The split: both registrations won on one day inside both partners' current periods, 60/40 by the resolution.
  const huaxin = l.agreement('huaxin', 'exclusive');
  const lanting = l.agreement('lanting', 'registration');
  const [hp, lp] = [periodsAround(huaxin, today).this, periodsAround(lanting, today).this];
  let split = false;
  if (hp && lp) {
    const from = hp.start > lp.start ? hp.start : lp.start;
    const wonOn = minDate(addDays(from, 5), today);
    const h = await wonDeal(m, w, l, huaxin, SPLIT, wonOn, true);
    const t = await wonDeal(m, w, l, lanting, SPLIT, wonOn, true);
    const manager = l.user('manager@partnerline.demo');
    const id = await w.conflicts.open(m, { kind: 'duplicate_customer', registrationId: t, evidence: {}, registrationIds: [h], directAccountIds: [], agreementIds: [] });
    await w.conflicts.setShare(m, id, h, SPLIT.shares.huaxin);
    await w.conflicts.setShare(m, id, t, SPLIT.shares.lanting);
    await w.conflicts.markResolved(m, id, 'split', '华信持有金融行业独家，兰亭维护该客户多年：按 60/40 合作投标，业绩按份额计入双方。', manager, new Date(`${wonOn}T02:00:00Z`));
    wonDeals += 2;
    split = true;
  }
  return { wonDeals, split, reversed };
}

/** The calendar quarter ("2026-Q3") whose last day lies in the period: a run of it targets that period. */
function quarterEndingIn(p: EvaluationPeriod): string | null {
  for (let y = Number(p.start.slice(0, 4)); y <= Number(p.end.slice(0, 4)); y++) {
    for (let q = 1; q <= 4; q++) {
      const end = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
      if (p.start <= end && end <= p.end) return `${y}-Q${q}`;
    }
  }
  return null;
}
const nextQuarter = (period: string) => {
  const [y, q] = [Number(period.slice(0, 4)), Number(period.slice(-1))];
  return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
};

/** A demo account as the services see a signed-in caller (audit rows name it). */
async function actor(m: EntityManager, email: string): Promise<AuthenticatedUser> {
  const [u] = await m.query(`SELECT id, email, role, partner_id, locale FROM users WHERE email = $1`, [email]);
  if (!u) throw new Error(`rebates seed: user ${email} not found`);
  return { id: u.id, email: u.email, role: u.role, partnerId: u.partner_id, sessionId: 'demo-seed', locale: u.locale };
}

const as = <T>(user: AuthenticatedUser, work: () => Promise<T>) => requestContext.run({ requestId: 'demo-seed', locale: user.locale, user }, work);

/** Starts a run as the manager and waits for the job (in this process: JOBS_ENABLED=false) to finish it. */
async function runPeriod(w: Writers, manager: AuthenticatedUser, period: string): Promise<string> {
  const run = await as(manager, () => w.runs.start(period, manager));
  for (let i = 0; i < 600; i++) {
    const r = await w.runs.get(run.id);
    if (r.status === 'succeeded') return run.id;
    if (r.status === 'failed') throw new Error(`rebates seed: run ${period} failed: ${JSON.stringify(r.errorDetails).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`rebates seed: run ${period} did not finish`);
}

/**
 * Runs, approvals, payment, a reversal clawed back, a dispute, deposits and invoices — each through the owning
 * service, as the demo user who would do it.
 */
async function seedLedger(db: DataSource, w: Writers, l: Lookups, today: string, reversed: readonly string[]): Promise<Omit<RebateSeedSummary, 'wonDeals' | 'split'>> {
  const m = db.manager;
  const [manager, manager2, admin] = [await actor(m, 'manager@partnerline.demo'), await actor(m, 'manager2@partnerline.demo'), await actor(m, 'admin@partnerline.demo')];
  const out = { runs: [] as string[], quotas: 0, statements: 0, paid: 0, disputes: 0, reversals: 0, depositEvents: 0, invoices: 0 };
  const huaxin = l.agreement('huaxin', 'exclusive');
  const last = periodsAround(huaxin, today).last;
  const previous = last ? quarterEndingIn(last) : null;
  if (previous && last && last.end < today) {
    // The last quarter: run, then 华信's statement approved by a second manager and paid; 青云's paid; 云帆's approved.
    const prevRun = await runPeriod(w, manager, previous);
    out.runs.push(previous);
    const statementOf = async (slug: string, type: string) => {
      const a = l.agreement(slug, type);
      const p = periodsAround(a, today).last;
      const [row] = await m.query(`SELECT id FROM rebate_statements WHERE run_id = $1 AND agreement_id = $2 AND period_start = $3`, [prevRun, a.id, p?.start ?? null]);
      return (row?.id as string | undefined) ?? null;
    };
    const paidOn = minDate(addDays(last.end, 10), today);
    for (const [slug, type, pay] of [['huaxin', 'exclusive', true], ['qingyun', 'registration', true], ['yunfan', 'exclusive', false]] as const) {
      const id = await statementOf(slug, type);
      if (!id) continue;
      await as(manager2, () => w.statements.approve(id, manager2));
      if (pay) {
        await as(admin, () => w.statements.pay(id, { paidOn, reference: `CMB-${paidOn.replaceAll('-', '')}-${slug.toUpperCase()}` }, admin));
        out.paid++;
      }
      if (slug === 'yunfan') {
        // The partner disputes one line of its approved statement (left open for a manager to resolve).
        const owner = await actor(m, 'owner@yunfan.demo');
        const statement = await w.statements.get(id, { kind: 'partner', partnerId: owner.partnerId! });
        const line = statement.lines.find((x) => x.kind === 'deal' && x.description.includes('广州'));
        if (line) {
          await as(owner, () =>
            w.disputes.raise(id, line.id, { comment: '该项目已于上季度完成全部回款，成交金额应为 1,450,000 元（含二期扩容），请核对合同补充协议。' }, owner, { kind: 'partner', partnerId: owner.partnerId! }),
          );
          out.disputes++;
        }
      }
    }
    // After payment, a won deal of the paid quarter is reversed (order cancelled): the next run claws it back once.
    for (const registrationId of reversed) {
      await as(manager, () => w.reversals.create({ registrationId, reason: '客户取消订单（合同解除），已退回货款。' }, manager));
      out.reversals++;
    }
    await runPeriod(w, manager, nextQuarter(previous));
    out.runs.push(nextQuarter(previous));
  }
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM rebate_statements`);
  out.statements = n;

  // 华信's next quarter gets its own quota (set before it starts: no amendment needed), 10% above the terms'.
  const next = huaxin.periods.find((p) => p.start > today);
  if (next) {
    await as(manager, () => w.quotas.set(huaxin.id, next.start, { quota: '6600000.00' }, manager, today));
    out.quotas++;
  }

  // Deposits: 华信's paid and offset against reached performance; 亚信's (terminated for breach) paid and forfeited.
  const yaxin = l.agreement('yaxin', 'exclusive');
  for (const [a, to, note] of [
    [huaxin, 'offset', '上季度业绩达成 125%，保证金冲抵本期货款。'],
    [yaxin, 'forfeited', '乙方违约（代理竞品），协议终止，保证金不予退还。'],
  ] as const) {
    const deposit = await w.deposits.get(a.id, { kind: 'vendor' }, today);
    const paidOn = minDate(deposit.dueOn, today);
    await as(admin, () => w.deposits.move(a.id, { to: 'paid', occurredOn: paidOn, reference: `DEP-${a.slug.toUpperCase()}-${paidOn.slice(0, 4)}` }, admin, today));
    await as(admin, () => w.deposits.move(a.id, { to, occurredOn: today, note }, admin, today));
    out.depositEvents += 2;
  }

  // The partners' invoices from the vendor: on time, late, open past due.
  const invoices: [string, string, string, number, number | null][] = [
    ['huaxin', 'INV-HX-2026-0901', '1280000.00', -60, -62],
    ['huaxin', 'INV-HX-2026-1001', '860000.00', -25, -26],
    ['lanting', 'INV-LT-2026-0801', '420000.00', -75, -63],
    ['lanting', 'INV-LT-2026-1002', '260000.00', -20, null],
    ['yunfan', 'INV-YF-2026-0901', '2100000.00', -50, -50],
    ['yunfan', 'INV-YF-2026-1001', '1300000.00', -30, -21],
    ['yunfan', 'INV-YF-2026-1101', '2700000.00', 15, null],
    ['qingyun', 'INV-QY-2026-0901', '850000.00', -40, -41],
  ];
  for (const [slug, invoiceNo, amount, due, paid] of invoices) {
    await as(admin, () => w.payments.create({ partnerId: l.partner(slug), invoiceNo, amount, dueOn: addDays(today, due), paidOn: paid === null ? null : addDays(today, paid) }, admin));
    out.invoices++;
  }
  return out;
}

/** Loads the rebates demo (after the main demo data has committed). */
export async function seedRebates(ds: DataSource): Promise<RebateSeedSummary> {
  const url = (ds.options as { url?: string }).url;
  if (!url) throw new Error('rebates seed: the data source has no URL');
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '1',
    SESSION_SECRET: 'seed-only-'.padEnd(40, 'x'),
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: false });
  try {
    const w = writers(app);
    const db = app.get(DataSource);
    const today = businessToday();
    const l = await lookups(db.manager);
    const basis = await db.transaction(async (m) => seedBasis(m, w, l, today));
    const ledger = await seedLedger(db, w, l, today, basis.reversed);
    return { wonDeals: basis.wonDeals, split: basis.split, ...ledger };
  } catch (err) {
    // The main demo data has committed already: say what is missing and how to load it all again.
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`demo data for rebates could not be loaded (${message}); the rest of the demo data is in place — fix the cause, then reload with npm run seed:reset`, { cause: err });
  } finally {
    await app.close();
  }
}
