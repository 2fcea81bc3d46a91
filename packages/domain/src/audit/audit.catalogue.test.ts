import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditChanges, auditEntityLabel, auditFieldLabel, humanizeName } from './audit.catalogue.js';

describe('audit catalogue', () => {
  it('names actions, records and fields in both languages', () => {
    expect(auditActionLabel('registration.approved', 'en')).toBe('Registration approved');
    expect(auditActionLabel('registration.approved', 'zh-CN')).toBe('报备已批准');
    expect(auditEntityLabel('deal_registration', 'zh-CN')).toBe('商机报备');
    expect(auditFieldLabel('protectionEnds', 'en')).toBe('Protection ends');
  });

  it('falls back to readable words for a name it does not know', () => {
    expect(humanizeName('someNewField')).toBe('Some new field');
    expect(auditActionLabel('widget.re_ordered', 'en')).toBe('Widget re ordered');
  });

  it('lists the fields that changed with both sides', () => {
    expect(auditChanges({ role: 'leadership', email: 'a@x' }, { role: 'channel_manager', email: 'a@x' })).toEqual([
      { field: 'role', before: 'leadership', after: 'channel_manager' },
    ]);
    expect(auditChanges(null, { reason: 'left' })).toEqual([{ field: 'reason', before: null, after: 'left' }]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});
