export * from './calendar.js';
export * from './holidays.js';
export * from './working-days.js';
export * from './zone.js';
