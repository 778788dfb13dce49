export * from './budget.js';
export * from './contracts.js';
export * from './proposal.js';
export * from './opt-out.js';
