import { QueryFailedError } from 'typeorm';
import { fieldOfConstraint, renderError } from './error-body';

function pgError(code: string, extra: Record<string, string> = {}) {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error('db'), { code, ...extra }));
}

describe('database refusals are client errors in both languages', () => {
  it('text PostgreSQL cannot store (22021, 22P05) → 400 TEXT_NOT_STORABLE', () => {
    for (const code of ['22021', '22P05']) {
      const r = renderError(pgError(code), 'zh-CN', 'req-1');
      expect(r).toMatchObject({ status: 400, unexpected: false, body: { code: 'TEXT_NOT_STORABLE' } });
      expect(r.body.message).toMatch(/无法保存/);
    }
  });

  it('a CHECK violation (23514) → 422 naming the field from the constraint', () => {
    const r = renderError(
      pgError('23514', { constraint: 'deal_registrations_estimated_amount_check', table: 'deal_registrations' }),
      'en',
      undefined,
    );
    expect(r).toMatchObject({ status: 422, body: { code: 'VALUE_OUT_OF_RANGE', details: { field: 'estimatedAmount' } } });
    expect(r.body.message).toContain('estimatedAmount');
  });

  it('derives field names from constraint names', () => {
    expect(fieldOfConstraint('agreements_end_date_check', 'agreements')).toBe('endDate');
    expect(fieldOfConstraint('positive_hits_check1', 'request_counters')).toBe('positiveHits');
    expect(fieldOfConstraint(undefined, 'x')).toBe('?');
  });
});
