export * from './codes.js';
export * from './products.js';
