export * from './renewal.schemas.js';
export * from './recommendation.js';
export * from './review.schemas.js';
export * from './vendor-ratings.js';
export * from './successor.js';
export * from './evidence-label.js';
