export * from './budget.js';
export * from './contracts.js';
export * from './proposal.js';
export * from './opt-out.js';
export * from './care-lines.js';
export * from './request-answers.js';
export * from './requests.js';
export * from './declarations.js';
