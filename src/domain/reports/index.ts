export * from './report-access.js';
export * from './reports.js';
export * from './subcontractors.js';
