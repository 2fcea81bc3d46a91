import { DEFAULT_POLICIES, type PartnerStatus, scoreScorecard, SMB_CRITERIA, STRATEGIC_CRITERIA } from '@partnerline/domain';
import type { EntityManager } from 'typeorm';
import { INDUSTRIES } from './data/catalog';
import { PARTNERS, type PartnerSeed } from './data/partners';
import { intBetween } from './prng';

type Ids = Map<string, string>;
const DAY = 86_400_000;

const BUSINESS_LINES = ['系统集成', '软件开发', '运维服务', '咨询服务', '云服务代理', '数据分析', '安全服务', '行业解决方案'];
const VENDORS = ['华为', '阿里云', '腾讯云', '用友', '金蝶', 'Microsoft', 'Oracle', 'SAP'];
const EVIDENCE: Record<string, string> = {
  customerRelationships: '与当地三家头部客户有五年以上合作，高层互访频繁。',
  execution: '销售团队有明确的季度激励，去年按期交付 12 个项目。',
  strategicFit: '对方战略规划中把数据平台列为未来三年重点方向。',
  segmentCoverage: '覆盖省内 60% 的目标客户，不只是一两个大客户。',
  cashFlowStability: '近三年经营性现金流为正，应收账款周期约 60 天。',
  customerProximity: '在本地有 5 个服务网点，响应比我方直销更快。',
  dedicatedOwner: '指定副总经理专职负责本产品线。',
  integrityCompliance: '无付款纠纷记录，正版授权管理规范。',
};

/** Where each demo partner is in screening, and what its file holds. */
const INFO_OPEN = new Set(['pinrui']);
const INFO_ANSWERED = new Set(['lvzhou', 'zhongke']);
const APPROVED_IN_SCREENING = new Set(['kaiyuan', 'bangkok-it']); // two: a test turns 开元 into an active partner
const TRIAL_SUCCEEDED = new Set(['huasheng']);
const HAD_TRIAL = new Set(['huaxin', 'dingsheng', 'yunfan', 'beichen', 'hongtu', 'yaxin']);

function pathTo(p: PartnerSeed): PartnerStatus[] {
  const withTrial = HAD_TRIAL.has(p.slug);
  switch (p.status) {
    case 'applied':
      return ['applied'];
    case 'screening':
      return ['applied', 'screening'];
    case 'rejected':
      return ['applied', 'screening', 'rejected'];
    case 'trial':
      return ['applied', 'screening', 'trial'];
    case 'active':
      return withTrial ? ['applied', 'screening', 'trial', 'active'] : ['applied', 'screening', 'active'];
    case 'suspended':
      return [...pathTo({ ...p, status: 'active' }), 'suspended'];
    case 'terminated':
      return [...pathTo({ ...p, status: 'active' }), 'terminated'];
  }
}

function scores(rand: () => number, p: PartnerSeed, pass: boolean) {
  const criteria = p.type === 'strategic' ? STRATEGIC_CRITERIA : SMB_CRITERIA;
  const s: Record<string, number> = {};
  for (const c of criteria) s[c] = pass ? intBetween(rand, 3, 5) : intBetween(rand, 1, 3);
  if (!pass && p.type === 'smb') s.integrityCompliance = 2; // the knock-out, for the demo
  const integrity = p.type === 'strategic' ? (pass ? intBetween(rand, 4, 5) : 3) : undefined;
  const weights = p.type === 'strategic' ? DEFAULT_POLICIES.screening.strategicWeights : DEFAULT_POLICIES.screening.smbWeights;
  const result = scoreScorecard(p.type, s, { passMark: DEFAULT_POLICIES.screening.passMark, integrityKnockoutBelow: DEFAULT_POLICIES.screening.integrityKnockoutBelow, weights }, integrity);
  return { s, integrity: integrity ?? null, weights, result, criteria };
}

export async function seedScreening(m: EntityManager, rand: () => number, ctx: { partnerIds: Ids; vendor: Ids; regions: Ids; industries: Ids }) {
  const industryCodes = INDUSTRIES.map(([code]) => code);
  for (const p of PARTNERS) {
    const id = ctx.partnerIds.get(p.slug)!;
    const manager = ctx.vendor.get(p.manager)!;
    const [{ applied_at: appliedAt }] = await m.query(`SELECT applied_at FROM partners WHERE id = $1`, [id]);
    const at = (days: number) => new Date((appliedAt as Date).getTime() + days * DAY);
    const [owner] = await m.query(`SELECT id FROM users WHERE partner_id = $1 AND role = 'partner_admin' LIMIT 1`, [id]);
    const ownerId: string | null = owner?.id ?? null;

    // The application's facts.
    const province = p.region.split('-')[0];
    const lines = [BUSINESS_LINES[intBetween(rand, 0, 7)], BUSINESS_LINES[intBetween(rand, 0, 7)]].filter((v, i, a) => a.indexOf(v) === i);
    await m.query(
      `UPDATE partners SET headcount = $2, annual_revenue = $3, years_trading = $4, business_lines = $5, existing_vendors = $6,
              cash_flow = $7, person_in_charge = $8, contacts = $9, declarations = $10 WHERE id = $1`,
      [
        id,
        p.type === 'strategic' ? intBetween(rand, 150, 2000) : intBetween(rand, 12, 150),
        `${p.type === 'strategic' ? intBetween(rand, 50, 900) : intBetween(rand, 3, 60)}000000.00`,
        intBetween(rand, 2, 25),
        lines,
        [VENDORS[intBetween(rand, 0, 7)]],
        JSON.stringify({ positiveLastYear: p.status !== 'rejected', receivablesDays: intBetween(rand, 30, 150) }),
        JSON.stringify({ name: p.team?.[0]?.[1] ?? `${p.name.slice(0, 2)}负责人`, title: '业务负责人', email: `bd@${p.slug}.demo`, phone: `1380000${String(intBetween(rand, 1000, 9999))}` }),
        JSON.stringify([{ name: '财务联系人', email: `finance@${p.slug}.demo` }]),
        JSON.stringify({ integrity: true, noConflictingCompetitorProducts: true }),
      ],
    );

    // Requested segments: the partner's own province (or country) in one to three industries.
    const regionId = ctx.regions.get(province) ?? ctx.regions.get(p.region)!;
    const count = intBetween(rand, 1, 3);
    for (let k = 0; k < count; k++) {
      const industryId = ctx.industries.get(industryCodes[intBetween(rand, 0, industryCodes.length - 1)])!;
      await m.query(`INSERT INTO partner_segment_requests (partner_id, industry_id, region_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [id, industryId, regionId]);
    }

    // The lifecycle, step by step.
    const path = pathTo(p);
    const reasons: Partial<Record<PartnerStatus, string>> = {
      rejected: '评分未达标：诚信合规项低于 3 分（一票否决）。',
      suspended: '连续两个季度未按期回款，暂停合作待整改。',
      terminated: '协议到期未续签：业绩未达门槛，且同时代理竞品。',
    };
    for (let k = 0; k < path.length; k++) {
      await m.query(`INSERT INTO partner_status_history (partner_id, from_status, to_status, reason, actor_id, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        k === 0 ? null : path[k - 1],
        path[k],
        reasons[path[k]] ?? null,
        k === 0 ? ownerId : manager,
        at(k * 9),
      ]);
    }
    if (path.length === 1) continue;

    // A scorecard for everyone who reached screening (a failing one for the rejected).
    const scoredFor = !(p.status === 'screening' && (p.slug === 'lvzhou' || p.slug === 'pinrui'));
    if (scoredFor) {
      const card = scores(rand, p, p.status !== 'rejected');
      const evidence = Object.fromEntries(card.criteria.map((c) => [c, EVIDENCE[c]]));
      await m.query(
        `INSERT INTO partner_screenings (partner_id, type, scores, evidence, integrity, weights, pass_mark, total, knocked_out, passed, notes, scored_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [id, p.type, JSON.stringify(card.s), JSON.stringify(evidence), card.integrity, JSON.stringify(card.weights), DEFAULT_POLICIES.screening.passMark,
          card.result.total, card.result.knockedOut, card.result.passed, card.result.passed ? '综合评估良好，建议推进。' : '不符合准入要求。', manager, at(8)],
      );
    }
    if (INFO_OPEN.has(p.slug) || INFO_ANSWERED.has(p.slug)) {
      const answered = INFO_ANSWERED.has(p.slug);
      await m.query(
        `INSERT INTO partner_info_requests (partner_id, question, asked_by, asked_at, answer, answered_by, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, '请提供近两年的主要客户案例及合同金额，以及专职团队的人员名单。', manager, at(5), answered ? '已上传 4 个客户案例（总金额约 1,200 万元），专职团队 6 人，名单见附件。' : null, answered ? ownerId : null, answered ? at(7) : null],
      );
      await m.query(`INSERT INTO partner_decisions (partner_id, decision, text, decided_by, created_at) VALUES ($1, 'request_info', $2, $3, $4)`, [id, '请提供近两年的主要客户案例及合同金额，以及专职团队的人员名单。', manager, at(5)]);
      if (!answered && ownerId) {
        await m.query(`INSERT INTO notifications (user_id, kind, params, link, created_at) VALUES ($1, 'application.info_requested', $2, '/portal/application', $3)`, [
          ownerId,
          JSON.stringify({ partner: p.name, question: '请提供近两年的主要客户案例及合同金额，以及专职团队的人员名单。' }),
          at(5),
        ]);
      }
    }
    if (p.status === 'rejected') {
      await m.query(`INSERT INTO partner_decisions (partner_id, decision, text, decided_by, created_at) VALUES ($1, 'reject', $2, $3, $4)`, [id, reasons.rejected, manager, at(18)]);
    }
    const approved = p.status === 'active' || p.status === 'suspended' || p.status === 'terminated' || APPROVED_IN_SCREENING.has(p.slug) || TRIAL_SUCCEEDED.has(p.slug);
    if (path.includes('trial')) {
      const trialStart = at(18);
      const inProgress = p.status === 'trial' && !TRIAL_SUCCEEDED.has(p.slug);
      await m.query(`INSERT INTO partner_decisions (partner_id, decision, text, decided_by, created_at) VALUES ($1, 'approve_trial', $2, $3, $4)`, [id, '先以项目合作考察。', manager, trialStart]);
      await m.query(
        `INSERT INTO partner_trials (partner_id, customer, scope, end_date, started_at, started_by, outcome, outcome_notes, outcome_at, outcome_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          `${p.name.slice(0, 2)}市第一人民医院`.replace(/^(..)/, p.type === 'strategic' ? '$1' : '$1'),
          '联合投标并交付数据平台一期（需求调研、部署、培训）。',
          inProgress ? new Date(Date.now() + intBetween(rand, 20, 90) * DAY).toISOString().slice(0, 10) : new Date(trialStart.getTime() + 90 * DAY).toISOString().slice(0, 10),
          trialStart,
          manager,
          inProgress ? null : 'success',
          inProgress ? null : '按期交付，客户验收满意，已形成可复制的案例。',
          inProgress ? null : at(100),
          inProgress ? null : manager,
        ],
      );
    } else if (approved) {
      await m.query(`INSERT INTO partner_decisions (partner_id, decision, text, decided_by, created_at) VALUES ($1, 'approve', $2, $3, $4)`, [id, '评分通过，直接进入协议阶段。', manager, at(18)]);
    }
    if (approved) await m.query(`UPDATE partners SET approved_at = $2, approved_by = $3 WHERE id = $1`, [id, at(path.includes('trial') ? 100 : 18), manager]);
  }

  // Application notifications for the channel managers.
  for (const p of PARTNERS.filter((x) => x.status === 'applied')) {
    for (const userId of ctx.vendor.values()) {
      await m.query(`INSERT INTO notifications (user_id, kind, params, link) SELECT $1, 'application.submitted', $2, $3 FROM users WHERE id = $1 AND role IN ('channel_manager', 'vendor_admin')`, [
        userId,
        JSON.stringify({ partner: p.name, type: p.type }),
        `/admin/partners/${ctx.partnerIds.get(p.slug)}`,
      ]);
    }
  }
}
