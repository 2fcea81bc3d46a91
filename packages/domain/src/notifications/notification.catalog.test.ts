import { describe, expect, it } from 'vitest';
import { NotificationKindSchema, renderNotification } from './notification.catalog.js';

const PARAMS: Record<string, Record<string, unknown>> = {
  'certification.earned': { certification: '数据平台认证销售', holder: '王磊', expiresOn: '2028-11-22', code: 'ABCD-EFGH-JKLM' },
  'certification.expiring': { certification: 'Data Platform Certified Presales', holder: '李婷', expiresOn: '2026-12-31', days: 30 },
  'qualification_review.completed': { partner: '华信智联', result: 'fail', notes: '限期补足认证人员。' },
  'support.created': { number: 'SR-00001', subject: '客户沙龙', partner: '兰亭科技', kind: 'marketing_support' },
  'support.funds_decided': { number: 'SR-00001', subject: '客户沙龙', decision: 'approved', amount: '¥10,000.00', note: '' },
};

describe('notification catalogue', () => {
  it('has a title and body for every kind in both languages', () => {
    for (const kind of NotificationKindSchema.options) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const t = renderNotification(kind, {}, locale);
        expect(t.title.length).toBeGreaterThan(0);
        expect(t.body.length).toBeGreaterThan(0);
      }
    }
  });

  it('fills every placeholder of the training and support notifications and translates enum words', () => {
    for (const [kind, params] of Object.entries(PARAMS)) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const t = renderNotification(NotificationKindSchema.parse(kind), params, locale);
        expect(`${t.title} ${t.body}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(renderNotification('qualification_review.completed', PARAMS['qualification_review.completed'], 'zh-CN').title).toContain(
      '未通过',
    );
    expect(renderNotification('support.created', PARAMS['support.created'], 'en').body).toContain('marketing activity support');
  });
});
