export * from './move.js';
export * from './closure.js';
export * from './measure-end.js';
