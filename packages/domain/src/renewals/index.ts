export * from './renewal.schemas.js';
export * from './recommendation.js';
export * from './review.schemas.js';
