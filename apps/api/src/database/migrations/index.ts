import { Foundation1763800000000 } from './1763800000000-Foundation';
import { PartnerScreening1763900000000 } from './1763900000000-PartnerScreening';

/** Every migration, in order. Never edit one that has been merged: add a new one. */
export const MIGRATIONS = [Foundation1763800000000, PartnerScreening1763900000000];
