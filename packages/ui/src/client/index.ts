/**
 * One typed client for both apps: a query-options factory per endpoint, each parsing the answer with the
 * domain's response schema (see request.ts for what a mismatch does). App-specific mutations stay in the apps.
 */
export * from './request';
export * from './catalog';
export * from './admin';
export * from './partners';
export * from './agreements';
export * from './registrations';
export * from './training';
export * from './reporting';
export * from './renewals';
