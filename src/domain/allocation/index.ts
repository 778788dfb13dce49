export * from './budget.js';
export * from './contracts.js';
export * from './proposal.js';
