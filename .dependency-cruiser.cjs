/**
 * Module boundaries, checked by `npm test` (test/run-all.mjs runs `depcruise` before jest) and on demand with
 * `npx depcruise --config .dependency-cruiser.cjs api/src web/src libs/contracts/src seed`.
 * Layers: core (pure) <- repositories <- services <- controllers; web and api only meet in libs/contracts.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: two modules that cannot be understood, tested or loaded one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'api/src/core is the pure statistics/signals core: no Nest, TypeORM, pg or other api module.',
      from: { path: '^api/src/core/' },
      to: { pathNot: ['^api/src/core/', '^libs/contracts/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'core-no-frameworks',
      severity: 'error',
      from: { path: '^api/src/core/' },
      to: { path: 'node_modules/(@nestjs|typeorm|pg|@electric-sql)/' },
    },
    {
      name: 'contracts-are-leaves',
      severity: 'error',
      comment: 'libs/contracts is shared by api and web; it imports neither.',
      from: { path: '^libs/contracts/' },
      to: { path: '^(api|web|seed)/' },
    },
    {
      name: 'web-never-imports-api',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(api|seed)/' },
    },
    {
      name: 'api-never-imports-web-or-seed',
      severity: 'error',
      comment: 'Only the seed CLI (seed/) may reach into the api; the api itself never imports seed/ or web/.',
      from: { path: '^api/' },
      to: { path: '^(web|seed)/' },
    },
    {
      name: 'repositories-below-services',
      severity: 'error',
      comment: 'A repository knows SQL and rows, not services or controllers.',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.(service|controller)\\.ts$' },
    },
    {
      name: 'services-below-controllers',
      severity: 'error',
      from: { path: '\\.(service|repository)\\.ts$' },
      to: { path: '\\.controller\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve (a file moved without its importers).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
