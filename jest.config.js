/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/src/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@collections/(.*)$': '<rootDir>/collections/$1',
    '^@plugins/(.*)$': '<rootDir>/plugins/$1',
    // The plugins' package names, as their package.json `exports` (and tsconfig paths) give them.
    '^@q-community/comment-moderation$': '<rootDir>/plugins/comment-moderation/index.ts',
    '^@q-community/comment-moderation/(.*)$': '<rootDir>/plugins/comment-moderation/exports/$1',
    '^@q-community/email-subscriptions$': '<rootDir>/plugins/email-subscriptions/index.ts',
    '^@q-community/email-subscriptions/(.*)$': '<rootDir>/plugins/email-subscriptions/exports/$1',
    '^@q-community/plugin-shared/(.*)$': '<rootDir>/plugins/shared/$1',
    '^@q-community/cms-client$': '<rootDir>/client/index.ts',
    '^@q-community/cms-client/types$': '<rootDir>/client/payload-types.ts',
    '\\.(css|scss)$': '<rootDir>/test/helpers/emptyStyle.js',
  },
  testMatch: ['<rootDir>/test/**/*.spec.{ts,tsx}'],
  globalSetup: '<rootDir>/test/helpers/globalSetup.js',
  // The slow files first, also in a fresh clone with no recorded durations (CI).
  testSequencer: '<rootDir>/test/helpers/slowFirstSequencer.js',
  testTimeout: 60_000,
  // Env must be set before a test file imports the Payload config; see test/helpers/payload.ts.
  setupFiles: ['<rootDir>/test/helpers/testEnv.js'],
}
