/**
 * One `jest` run covers every package. Each project is one kind of test:
 * pure rules, the BFF through HTTP, mini-program page logic, the compiled weapp
 * build in miniprogram-simulate, and H5 journeys in headless Chromium.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const transform = { '^.+\\.(t|j)sx?$': swc };

module.exports = {
  // Jest 30 reads the timeout here, not per project: HTTP, simulator and browser tests need more than 5 s.
  testTimeout: 60000,
  reporters: ['<rootDir>/bff/test/file-reporter.js', '<rootDir>/bff/test/closing-line-reporter.js'],
  globalSetup: '<rootDir>/bff/test/global-setup.ts',
  globalTeardown: '<rootDir>/bff/test/global-teardown.ts',
  projects: [
    { displayName: 'shared', testEnvironment: 'node', transform, roots: ['<rootDir>/shared/src'] },
    { displayName: 'mock', testEnvironment: 'node', transform, roots: ['<rootDir>/mock/src'] },
    {
      displayName: 'bff',
      testEnvironment: 'node',
      transform,
      // CongoDB ships as ES modules; Jest's module sandbox needs them compiled to CommonJS.
      transformIgnorePatterns: ['/node_modules/(?!(@push\\.rocks|mingo)/)'],
      roots: ['<rootDir>/bff/src'],
    },
    {
      displayName: 'miniapp',
      testEnvironment: 'jsdom',
      transform,
      roots: ['<rootDir>/miniapp/src'],
    },
    {
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      transform,
      roots: ['<rootDir>/miniapp/test/weapp'],
    },
    {
      displayName: 'journeys',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns: ['/node_modules/(?!(@push\\.rocks|mingo)/)'],
      roots: ['<rootDir>/miniapp/test/journeys'],
    },
  ],
};
