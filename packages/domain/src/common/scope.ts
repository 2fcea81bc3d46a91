/**
 * Whose records a caller may see. Every list query takes a Scope instead of `tenant | null`:
 * - vendor: vendor-wide (vendor admin, leadership, channel managers today);
 * - manager: the partners assigned to one channel manager (used by the leadership view's manager filter);
 * - partner: one partner organisation (partner admins and users).
 */
export type Scope = { kind: 'vendor' } | { kind: 'manager'; managerId: string } | { kind: 'partner'; partnerId: string };

export const VENDOR_SCOPE: Scope = { kind: 'vendor' };

/** The one organisation a scope is confined to, or null when it spans organisations. */
export function scopePartnerId(scope: Scope): string | null {
  return scope.kind === 'partner' ? scope.partnerId : null;
}

/** The channel manager a scope is confined to, or null. */
export function scopeManagerId(scope: Scope): string | null {
  return scope.kind === 'manager' ? scope.managerId : null;
}
