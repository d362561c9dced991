/** Tests are transpiled only (fast); `npm test` type-checks the whole project first with tsc. */
module.exports = {
  // Node, with a temporary folder of each test file's own, removed when the file is done.
  testEnvironment: "<rootDir>/test/temp-folder-environment.ts",
  // Jest's default leaves one of this machine's two cores idle.
  maxWorkers: 2,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
};
