export * from './facts.js';
export * from './triage-rules.js';
export * from './child-contact.js';
export * from './safety.js';
