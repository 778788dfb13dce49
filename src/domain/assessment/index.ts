export * from './facts.js';
export * from './triage-rules.js';
