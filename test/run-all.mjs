#!/usr/bin/env node
// `npm test` after the build: every jest project (api unit, web components, integration on
// PostgreSQL and embedded PGlite, browser journeys in Chromium), then one closing line
// "N passed, N failed" for CI. First the module-boundary lint (test/lint.mjs: dependency-cruiser rules and
// folder cycles), counted as one test so a back-arrow fails the run and shows in the closing line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

process.env.TZ = 'UTC';
mkdirSync('test-output', { recursive: true });
const lint = spawnSync('node', ['test/lint.mjs'], { stdio: 'inherit', env: process.env });
const lintPassed = lint.status === 0;
const out = 'test-output/jest-results.json';
const args = ['jest', '--ci', '--maxWorkers=2', '--forceExit', '--json', `--outputFile=${out}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

let passed = lintPassed ? 1 : 0;
let failed = lintPassed ? 0 : 1;
if (existsSync(out)) {
  const result = JSON.parse(readFileSync(out, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
