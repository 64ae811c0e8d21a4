#!/usr/bin/env node
// `npm test` after the build: every jest project (api unit, web components, integration on
// PostgreSQL and embedded PGlite, browser journeys in Chromium), then one closing line
// "N passed, N failed" for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

process.env.TZ = 'UTC';
mkdirSync('test-output', { recursive: true });
const out = 'test-output/jest-results.json';
const args = ['jest', '--ci', '--maxWorkers=2', '--forceExit', '--json', `--outputFile=${out}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

let passed = 0;
let failed = 0;
if (existsSync(out)) {
  const result = JSON.parse(readFileSync(out, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
