export * from './types.js';
export * from './engine.js';
export * from './durations.js';
export { ageInYears } from './decisions.js';
