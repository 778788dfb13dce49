export * from './completeness.js';
export * from './diff.js';
export * from './signatures.js';
export * from './types.js';
export * from './prompts.js';
export * from './triage.js';
export * from './family-group.js';
