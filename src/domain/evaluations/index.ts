export * from './minutes.js';
