/** Unit, property, recalculation (LibreOffice) and browser (Chromium) tests in one run. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  testTimeout: 120000,
  maxWorkers: 2,
  verbose: false,
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
