import { passwordProblems } from '@partnerline/domain';
import { dictionary } from '@zxcvbn-ts/language-common';
import { InputRejected } from '../../common/http/input-guard';

let common: ReadonlySet<string> | undefined;

/** The maintained list of common passwords shipped by zxcvbn-ts (about 30,000 entries), loaded once. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/**
 * Refuses a new password that is the user's own email (or its name part), a common password or only spaces,
 * as a VALIDATION_FAILED naming `field` in the caller's language (DOMAIN password policy, issue #12).
 */
export function assertAcceptablePassword(password: string, email: string, field: PropertyKey[]): void {
  const problems = passwordProblems(password, email, commonPasswords());
  if (problems.length) throw new InputRejected(problems.map((message) => ({ code: 'custom', path: field, message })));
}
