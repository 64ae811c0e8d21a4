// One jest run, four projects: `npm test` runs them all (see test/run-all.mjs).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// Nest 12 and PGlite ship ESM only; let swc turn them into CommonJS for jest.
const esmPackages = [
  '@nestjs', '@electric-sql', 'file-type', 'load-esm', 'uid', 'strtok3', 'token-types', '@tokenizer',
  'uint8array-extras', '@standard-schema', 'nodemailer', 'smtp-server', 'punycode.js',
  // openid-client 6 (single sign-on) and its dependencies:
  'openid-client', 'oauth4webapi', 'jose',
];
const nodeProject = (name, roots, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots,
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.[mc]?[jt]s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: { '^contracts$': '<rootDir>/libs/contracts/src/index.ts' },
  rootDir: __dirname,
  ...extra,
});

module.exports = {
  projects: [
    nodeProject('api', ['<rootDir>/api/src', '<rootDir>/bench']),
    nodeProject('integration', ['<rootDir>/test/integration'], { setupFilesAfterEnv: ['<rootDir>/test/jest-timeout.ts'] }),
    nodeProject('browser', ['<rootDir>/test/browser'], { setupFilesAfterEnv: ['<rootDir>/test/jest-timeout.ts'] }),
    '<rootDir>/web/jest.config.js',
  ],
};
