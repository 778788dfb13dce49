export * from './minutes.js';
export * from './planning.js';
