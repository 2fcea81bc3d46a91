import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

const common = new Set(['password', 'qwertyuiop', 'iloveyou']);

describe('passwordProblems', () => {
  it('accepts a password unrelated to the email and not common', () => {
    expect(passwordProblems('Violet-harbour-42', 'li.wei@example.com', common)).toEqual([]);
  });
  it('refuses the own email or its local part, in any case', () => {
    expect(passwordProblems('li.wei@example.com', 'li.wei@example.com', common)).toContain('validation.password_contains_email');
    expect(passwordProblems('LI.WEI2026!!', 'li.wei@example.com', common)).toContain('validation.password_contains_email');
  });
  it('refuses common passwords, also with digits or symbols appended', () => {
    expect(passwordProblems('qwertyuiop', 'a@b.cn', common)).toEqual(['validation.password_common']);
    expect(passwordProblems('Password2024!', 'a@b.cn', common)).toEqual(['validation.password_common']);
  });
  it('refuses whitespace only', () => {
    expect(passwordProblems('            ', 'a@b.cn', common)).toEqual(['validation.password_blank']);
  });
});
