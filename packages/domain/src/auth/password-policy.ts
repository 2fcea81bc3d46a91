/**
 * Which rules a new password breaks (issue #12), as validation message keys. Pure: the list of common passwords
 * is handed in (the API loads a maintained list; the browser may pass an empty set and leave that check to the API).
 */
export function passwordProblems(password: string, email: string, commonPasswords: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (password.trim().length === 0) problems.push('validation.password_blank');
  const lowered = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if ((address && lowered.includes(address)) || (localPart.length >= 3 && lowered.includes(localPart))) {
    problems.push('validation.password_contains_email');
  }
  if (commonPasswords.has(lowered) || commonPasswords.has(lowered.replace(/[\d!@#$%^&*._-]+$/, ''))) {
    problems.push('validation.password_common');
  }
  return problems;
}
