import { Foundation1763800000000 } from './1763800000000-Foundation';

/** Every migration, in order. Never edit one that has been merged: add a new one. */
export const MIGRATIONS = [Foundation1763800000000];
