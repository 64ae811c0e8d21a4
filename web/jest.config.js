// Web component tests: jest-preset-angular, zoneless, jsdom. Run from the repo root with
// `TZ=UTC npx jest --selectProjects web`.
const { createCjsPreset } = require('jest-preset-angular/presets');

const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/setup-jest.ts'],
  testMatch: ['**/*.spec.ts'],
  // echarts, zrender and ngx-echarts ship ES modules; let the preset transform them.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|echarts|zrender|ngx-echarts|tslib))'],
  moduleNameMapper: {
    '^contracts$': '<rootDir>/../libs/contracts/src/index.ts',
  },
};
