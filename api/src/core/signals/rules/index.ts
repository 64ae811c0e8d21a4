/**
 * The five feedforward rules of docs/design.md §5 as pure functions over a prepared context, one file
 * each. Each rule returns hypothesis tests (p-value + gate + a lazy signal builder); detectSignals
 * applies Benjamini–Hochberg over all tests of the run and builds the surviving signals.
 */
export * from './context';
export * from './peer-outlier';
export * from './rising-trend';
export * from './leading-indicator';
export * from './systemic-pattern';
export * from './stacked-problems';
