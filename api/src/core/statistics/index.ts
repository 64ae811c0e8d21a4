/**
 * Pure statistics core of the signal engine (no framework imports).
 *
 * Formulas and test vectors: docs/statistics.md.
 * Import path: `api/src/core/statistics` (this file).
 */
export * from './distributions';
export * from './funnel';
export * from './overdispersion';
export * from './multiple-testing';
export * from './cusum';
export * from './farrington';
export * from './summaries';
