export * from './deadline-items.js';
export * from './digest.js';
export * from './kinds.js';
export * from './schedule.js';
