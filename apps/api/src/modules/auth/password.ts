import * as argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes); about 30 ms per hash on these machines.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash when the email is unknown keeps the timing of both answers alike. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('partnerline-timing-equaliser');
  return dummyHash;
}
