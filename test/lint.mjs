#!/usr/bin/env node
// Module boundaries, run by `npm test` before jest (test/run-all.mjs) and on its own with `node test/lint.mjs`.
//  1. dependency-cruiser with .dependency-cruiser.cjs: no import cycle between files, the pure core, web never
//     imports api, api never imports web or seed/, repositories below services below controllers.
//  2. No cycle between feature folders either (api/src/<module>, web/src/app/<area>): a file-level check misses
//     auth → users → auth when it runs through different files.
//  3. ESLint (eslint.config.mjs): typescript-eslint recommended + no-floating-promises, angular-eslint for web/.
// Prints one line per violation and "lint: N problems"; exits 1 when there is any.
import { spawnSync } from 'node:child_process';

const roots = ['api/src', 'web/src', 'libs/contracts/src', 'migrations', 'bench'];
const run = spawnSync('npx', ['depcruise', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...roots], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (!run.stdout) {
  console.error(run.stderr);
  console.log('lint: dependency-cruiser did not run');
  process.exit(1);
}
const result = JSON.parse(run.stdout);
const problems = [];
for (const v of result.summary.violations) {
  const via = v.cycle ? ` (${v.cycle.map((c) => c.name ?? c).join(' → ')})` : '';
  problems.push(`${v.rule.name}: ${v.from} → ${v.to}${via}`);
}

/** The feature folder a file belongs to, or null for files outside the folders that are checked. */
export function folderOf(path) {
  const m = /^(api\/src|web\/src\/app)\/([^/]+)\//.exec(path);
  return m ? `${m[1]}/${m[2]}` : null;
}

const edges = new Map();
// Test code (specs and the fakes in api/src/testing) sits above every folder it exercises: it is
// not part of the module picture, so its arrows do not count toward folder cycles.
const isTestCode = (path) => /\.spec\.ts$/.test(path) || path.startsWith('api/src/testing/');
for (const mod of result.modules) {
  const from = folderOf(mod.source);
  if (!from || isTestCode(mod.source)) continue;
  for (const dep of mod.dependencies) {
    const to = folderOf(dep.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${mod.source} → ${dep.resolved}`);
  }
}
// Tarjan's strongly connected components: every component with more than one folder is a cycle.
let index = 0;
const stack = [];
const info = new Map();
const components = [];
function connect(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!info.has(w)) {
      connect(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) {
      info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component.sort());
  }
}
for (const v of edges.keys()) if (!info.has(v)) connect(v);
for (const component of components) {
  const inside = new Set(component);
  const arrows = [];
  for (const from of component) {
    for (const [to, example] of edges.get(from) ?? []) if (inside.has(to)) arrows.push(`    ${example}`);
  }
  problems.push(`folder-cycle: ${component.join(' ↔ ')}\n${arrows.join('\n')}`);
}

const eslintRoots = ['api/src', 'libs', 'web/src', 'migrations', 'bench', 'test'];
const eslint = spawnSync('npx', ['eslint', '--format', 'json', ...eslintRoots], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
let eslintFiles = 0;
try {
  const files = JSON.parse(eslint.stdout);
  eslintFiles = files.length;
  for (const f of files) {
    for (const m of f.messages) problems.push(`eslint ${m.ruleId ?? 'parse'}: ${f.filePath.replace(`${process.cwd()}/`, '')}:${m.line ?? 0} ${m.message}`);
  }
} catch {
  problems.push(`eslint did not run: ${eslint.stderr.trim().split('\n')[0]}`);
}

for (const p of problems) console.log(`  ${p}`);
console.log(`lint: ${problems.length} problems (${result.summary.totalCruised} modules cruised, ${eslintFiles} files linted)`);
process.exit(problems.length === 0 ? 0 : 1);
