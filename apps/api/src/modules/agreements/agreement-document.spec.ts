import { documentMoney } from './agreement-document';

describe('amounts on the printable agreement', () => {
  it('are grouped per language, exactly (no float on the way)', () => {
    expect(documentMoney('1234567.80', 'zh-CN')).toBe('¥1,234,567.80');
    expect(documentMoney('1234567.80', 'en')).toBe('¥1,234,567.80');
    expect(documentMoney('90071992547409.99', 'en')).toBe('¥90,071,992,547,409.99');
    expect(documentMoney('500', 'zh-CN')).toBe('¥500.00');
  });
});
