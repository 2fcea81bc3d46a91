import { describe, expect, it } from 'vitest';
import { translateZodIssue } from '../i18n/zod-issues.js';
import { DecisionSchema, DomainNameSchema, PartnerApplicationSchema, ScreeningInputSchema } from './application.schema.js';

const uuid = '8f0e6f55-6d4c-4c1f-9f3e-2b8a7c1d0e11';
const valid = {
  companyName: '测试科技有限公司',
  taxIdKind: 'uscc',
  taxId: '91110000802100433B',
  domain: 'https://www.Example.COM/about',
  regionId: uuid,
  headcount: 120,
  annualRevenue: '35000000.00',
  yearsTrading: 8,
  businessLines: ['系统集成'],
  cashFlow: { positiveLastYear: true, receivablesDays: 60 },
  type: 'smb',
  desiredSegments: [{ industryId: uuid, regionId: uuid }],
  personInCharge: { name: '张三', email: 'zhang@example.com' },
  declarations: { integrity: true, noConflictingCompetitorProducts: true },
  account: { email: 'Zhang@Example.com', displayName: '张三', password: 'a-long-password' },
};

describe('PartnerApplicationSchema', () => {
  it('accepts a complete application and normalises domain and email', () => {
    const a = PartnerApplicationSchema.parse(valid);
    expect(a.domain).toBe('example.com');
    expect(a.account.email).toBe('zhang@example.com');
    expect(a.account.locale).toBe('zh-CN');
  });

  it('refuses a credit code with a wrong check digit, naming the expected one, in Chinese', () => {
    const r = PartnerApplicationSchema.safeParse({ ...valid, taxId: '91110000802100433C' });
    expect(r.success).toBe(false);
    const issue = translateZodIssue(r.error!.issues[0] as never, 'zh-CN');
    expect(issue).toEqual({ path: 'taxId', code: 'validation.uscc_checksum', message: expect.stringContaining('应为 B') });
  });

  it('does not apply the credit-code check to other tax ids', () => {
    expect(PartnerApplicationSchema.safeParse({ ...valid, taxIdKind: 'other', taxId: 'SG-201912345K' }).success).toBe(true);
  });

  it('requires both declarations', () => {
    const r = PartnerApplicationSchema.safeParse({ ...valid, declarations: { integrity: true, noConflictingCompetitorProducts: false } });
    expect(r.error?.issues[0]).toMatchObject({
      path: ['declarations', 'noConflictingCompetitorProducts'],
      message: 'validation.declaration_required',
    });
  });
});

describe('DomainNameSchema', () => {
  it.each(['example.com', 'sub.example.com.cn', 'HTTP://Foo-Bar.io/x'])('accepts %s', (d) =>
    expect(DomainNameSchema.safeParse(d).success).toBe(true),
  );
  it.each(['localhost', 'not a domain', 'example', '-bad.com'])('refuses %s', (d) =>
    expect(DomainNameSchema.safeParse(d).success).toBe(false),
  );
});

describe('ScreeningInputSchema / DecisionSchema', () => {
  it('refuses a score of 7 with the criterion path', () => {
    const r = ScreeningInputSchema.safeParse({
      type: 'smb',
      scores: { cashFlowStability: 7, customerProximity: 3, dedicatedOwner: 3, integrityCompliance: 3 },
    });
    expect(r.error?.issues[0].path).toEqual(['scores', 'cashFlowStability']);
  });

  it('requires a strategic card to carry the integrity check', () => {
    const r = ScreeningInputSchema.safeParse({
      type: 'strategic',
      scores: { customerRelationships: 3, execution: 3, strategicFit: 3, segmentCoverage: 3 },
    });
    expect(r.error?.issues[0].path).toEqual(['integrity']);
  });

  it('a trial approval needs the customer, scope and end date', () => {
    const r = DecisionSchema.safeParse({ decision: 'approve_trial', trial: { customer: 'X' } });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['trial.endDate', 'trial.scope']);
  });
});
