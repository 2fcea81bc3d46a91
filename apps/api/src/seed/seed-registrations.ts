import { addBusinessDays, canonicalDomain, customerNameAltKeys, customerNameCore, normaliseCustomerName, type RegistrationStatus } from '@partnerline/domain';
import type { EntityManager } from 'typeorm';

type Ids = Map<string, string>;
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

interface Reg {
  key: string;
  slug: string;
  name: string;
  industry: string;
  region: string;
  status: RegistrationStatus;
  /** Days ago it was submitted. */
  ago: number;
  amount: string;
  domain?: string;
}

/** Registrations in every state, open conflicts of all three kinds, and a resolved co-sell split. */
const REGS: Reg[] = [
  { key: 'r1', slug: 'lanting', name: '宁波舟山港集团有限公司', industry: 'LOG', region: 'ZJ-NB', status: 'in_review', ago: 1, amount: '680000.00' },
  { key: 'r2', slug: 'jinshi', name: '苏州工业园区管委会', industry: 'GOV', region: 'JS-SZ', status: 'in_review', ago: 4, amount: '1200000.00' },
  { key: 'r3', slug: 'lanting', name: '杭州银泰百货有限公司', industry: 'RET', region: 'ZJ-HZ', status: 'in_conflict', ago: 3, amount: '960000.00', domain: 'intime.example.cn' },
  { key: 'r4', slug: 'xinghai', name: '银泰百货（杭州）有限公司', industry: 'RET', region: 'ZJ-HZ', status: 'in_conflict', ago: 2, amount: '880000.00' },
  { key: 'r5', slug: 'lanting', name: '杭州联合农村商业银行股份有限公司', industry: 'FIN', region: 'ZJ-HZ', status: 'in_conflict', ago: 2, amount: '1500000.00' },
  { key: 'r6', slug: 'lanting', name: '浙江大学（紫金港校区）', industry: 'EDU', region: 'ZJ-HZ', status: 'in_conflict', ago: 1, amount: '420000.00', domain: 'zju.example.edu.cn' },
  { key: 'r7', slug: 'huaxin', name: '浙江省农村信用社联合社', industry: 'FIN', region: 'ZJ', status: 'approved', ago: 40, amount: '3200000.00' },
  { key: 'r8', slug: 'lanting', name: '浙江农信（省联社）', industry: 'FIN', region: 'ZJ', status: 'approved', ago: 39, amount: '3200000.00' },
  { key: 'r9', slug: 'huaxin', name: '北京首都创业集团有限公司', industry: 'MFG', region: 'BJ', status: 'approved', ago: 80, amount: '2100000.00' },
  { key: 'r10', slug: 'qingyun', name: '武汉光谷生物城', industry: 'HLT', region: 'HB-WH', status: 'won', ago: 120, amount: '760000.00' },
  { key: 'r11', slug: 'huaxin', name: '中国建设银行北京市分行', industry: 'FIN', region: 'BJ', status: 'won', ago: 150, amount: '4800000.00' },
  { key: 'r12', slug: 'zhiyuan', name: '成都天府软件园有限公司', industry: 'TEL', region: 'SC-CD', status: 'lost', ago: 100, amount: '390000.00' },
  { key: 'r13', slug: 'anxin', name: '合肥京东方光电科技有限公司', industry: 'MFG', region: 'AH-HF', status: 'expired', ago: 130, amount: '1100000.00' },
  { key: 'r14', slug: 'tianhe', name: '广州白云国际机场股份有限公司', industry: 'LOG', region: 'GD-GZ', status: 'rejected', ago: 20, amount: '2500000.00' },
  { key: 'r15', slug: 'lanting', name: '绍兴柯桥中国轻纺城', industry: 'RET', region: 'ZJ', status: 'withdrawn', ago: 30, amount: '300000.00' },
  { key: 'r16', slug: 'lanting', name: '温州医科大学附属第一医院', industry: 'HLT', region: 'ZJ', status: 'draft', ago: 0, amount: '640000.00' },
];

export async function seedRegistrations(m: EntityManager, ctx: { partnerIds: Ids; vendor: Ids; regions: Ids; industries: Ids }) {
  const products: { id: string }[] = await m.query(`SELECT id FROM products ORDER BY sku LIMIT 2`);
  const manager = ctx.vendor.get('manager')!;
  const admin = ctx.vendor.get('admin')!;
  const now = Date.now();
  const ids = new Map<string, string>();

  await m.query(
    `INSERT INTO direct_accounts (kind, name, name_norm, name_core, domain, industry_id, region_id, owner_name, created_by) VALUES ('named_account', '浙江大学', $1, $5, 'zju.example.edu.cn', $2, $3, '直销教育行业部', $4)`,
    [normaliseCustomerName('浙江大学'), ctx.industries.get('EDU'), ctx.regions.get('ZJ-HZ'), admin, customerNameCore('浙江大学')],
  );
  const [direct] = await m.query(`SELECT id FROM direct_accounts WHERE name = '浙江大学'`);

  for (const r of REGS) {
    const partnerId = ctx.partnerIds.get(r.slug)!;
    const [owner] = await m.query(`SELECT id FROM users WHERE partner_id = $1 ORDER BY role LIMIT 1`, [partnerId]);
    const submitted = new Date(now - r.ago * DAY);
    const details = {
      customer: { name: r.name, industryId: ctx.industries.get(r.industry), regionId: ctx.regions.get(r.region), ...(r.domain ? { domain: r.domain } : {}) },
      contacts: [{ name: '信息化负责人', decisionLevel: 'decision_maker' }, { name: '采购经理', decisionLevel: 'procurement' }],
      products: [{ productId: products[0].id, quantity: 1 }],
      estimatedAmount: r.amount,
      expectedCloseDate: iso(new Date(now + 90 * DAY)),
      stage: 'solution',
      need: '建设统一数据平台，打通业务系统数据，支持经营分析。',
      evidence: { proofOfCommunication: '拜访纪要及会议照片', customerDetails: '信息中心主任、采购经理联系方式', customerFeedback: '客户认可方案方向' },
    };
    const approvedAt = ['approved', 'won', 'lost', 'expired'].includes(r.status) ? new Date(submitted.getTime() + 2 * DAY) : null;
    const protectionEnds = approvedAt ? iso(new Date(approvedAt.getTime() + (r.status === 'expired' ? 89 : 89) * DAY)) : null;
    const [row] = await m.query(
      `INSERT INTO deal_registrations (partner_id, status, customer_name, customer_name_norm, customer_tax_id, customer_domain, industry_id, region_id, details,
                                       estimated_amount, expected_close, submitted_at, sla_due, approved_at, protection_ends, won_amount, won_on, lost_reason, rejection_reason, created_by, created_at, customer_name_core, customer_name_keys)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, coalesce($11, now()), $20, $21::text[]) RETURNING id`,
      [
        partnerId, r.status, r.name, normaliseCustomerName(r.name), canonicalDomain(r.domain), ctx.industries.get(r.industry), ctx.regions.get(r.region), JSON.stringify(details),
        r.amount, details.expectedCloseDate, r.status === 'draft' ? null : submitted, r.status === 'draft' ? null : addBusinessDays(iso(submitted), 2), approvedAt, protectionEnds,
        r.status === 'won' ? r.amount : null, r.status === 'won' ? iso(new Date(submitted.getTime() + 60 * DAY)) : null,
        r.status === 'lost' ? '客户选择了竞争对手的方案（价格因素）。' : null, r.status === 'rejected' ? '客户属于直销重点客户名单，且信息不完整。' : null, owner.id, customerNameCore(r.name), customerNameAltKeys(r.name),
      ],
    );
    ids.set(r.key, row.id);
    const path: string[] = r.status === 'draft' ? ['draft'] : ['draft', 'submitted', r.status === 'in_conflict' || r.key === 'r7' || r.key === 'r8' ? 'in_conflict' : 'in_review'];
    if (['approved', 'won', 'lost', 'expired'].includes(r.status)) path.push('approved');
    if (!path.includes(r.status)) path.push(r.status);
    for (let i = 0; i < path.length; i++) {
      await m.query(`INSERT INTO registration_status_history (registration_id, from_status, to_status, actor_id, occurred_at) VALUES ($1, $2, $3, $4, $5)`, [
        row.id, i === 0 ? null : path[i - 1], path[i], i < 2 ? owner.id : manager, new Date(submitted.getTime() + i * 3_600_000),
      ]);
    }
  }

  const conflict = async (kind: string, reg: string, parties: { registration?: string; direct?: string; agreement?: string; share?: number }[], resolved?: { resolution: string; rationale: string }) => {
    const [c] = await m.query(
      `INSERT INTO conflicts (kind, status, registration_id, opened_at, resolution, rationale, resolved_by, resolved_at) VALUES ($1, $2, $3, now() - interval '2 days', $4, $5, $6, $7) RETURNING id`,
      [kind, resolved ? 'resolved' : 'open', ids.get(reg), resolved?.resolution ?? null, resolved?.rationale ?? null, resolved ? manager : null, resolved ? new Date(now - 37 * DAY) : null],
    );
    for (const p of parties) {
      await m.query(`INSERT INTO conflict_parties (conflict_id, registration_id, direct_account_id, exclusive_agreement_id, share_percent, awarded) VALUES ($1, $2, $3, $4, $5, $6)`, [
        c.id, p.registration ? ids.get(p.registration) : null, p.direct ?? null, p.agreement ?? null, p.share ?? null, p.share ? true : null,
      ]);
    }
  };
  const [huaxinExclusive] = await m.query(`SELECT a.id FROM agreements a WHERE a.partner_id = $1 AND a.type = 'exclusive' AND a.status = 'active' LIMIT 1`, [ctx.partnerIds.get('huaxin')]);
  await conflict('duplicate_customer', 'r4', [{ registration: 'r4' }, { registration: 'r3' }]);
  await conflict('exclusive_territory', 'r5', [{ registration: 'r5' }, { agreement: huaxinExclusive.id }]);
  await conflict('direct_sales', 'r6', [{ registration: 'r6' }, { direct: direct.id }]);
  await conflict('duplicate_customer', 'r8', [{ registration: 'r8', share: 40 }, { registration: 'r7', share: 60 }], {
    resolution: 'split',
    rationale: '华信持有金融行业独家但缺少省联社关系，兰亭有长期客户关系：按 60/40 合作推进，共同投标。',
  });
}
