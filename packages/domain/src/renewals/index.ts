export * from './renewal.schemas.js';
export * from './recommendation.js';
