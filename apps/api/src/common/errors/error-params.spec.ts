import { translateMessage } from '@partnerline/domain';
import { AppError } from './app-error';
import { renderError } from './error-body';
import { localiseErrorParams } from './error-params';

describe('error params in the caller language', () => {
  it('names entities and states in Chinese inside a Chinese message, as they are in English', () => {
    const err = new AppError('INVALID_TRANSITION', {
      entity: 'agreement',
      from: 'draft',
      to: 'active',
      allowed: 'pending_approval, terminated',
    });
    expect(renderError(err, 'zh-CN', 'r1').body.message).toBe('协议不能从“草稿”变为“生效中”。允许的下一状态：待审批、已终止。');
    expect(renderError(err, 'en', 'r1').body.message).toContain('A agreement cannot go from "draft" to "active"');
  });

  it('takes the caller language of a param given in both', () => {
    const params = { missing: { en: 'an order form', 'zh-CN': '订单' }, customer: 'ACME' };
    expect(localiseErrorParams(params, 'en')).toEqual({ missing: 'an order form', customer: 'ACME' });
    expect(localiseErrorParams(params, 'zh-CN')).toEqual({ missing: '订单', customer: 'ACME' });
  });

  it('leaves values it does not know as they are', () => {
    expect(localiseErrorParams({ entity: 'spaceship', partner: 'partner' }, 'zh-CN')).toEqual({ entity: 'spaceship', partner: 'partner' });
    expect(translateMessage('zh-CN', 'NOT_FOUND', localiseErrorParams({ entity: 'partner', id: 'x' }, 'zh-CN'))).toBe(
      '未找到 ID 为 x 的合作伙伴。',
    );
  });
});
