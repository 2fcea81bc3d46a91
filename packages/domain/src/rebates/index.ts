export * from './engine.js';
export * from './ledger.js';
export * from './payments.js';
export * from './periods.js';
export * from './rebates.schemas.js';
export * from './sell-out.js';
