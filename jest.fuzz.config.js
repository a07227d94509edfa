/** `npm run fuzz`: the fast-check properties of test/trust/fuzz.test.ts with many more runs (FUZZ_RUNS, default 500). */
const base = require("./jest.config.js");

process.env.FUZZ_RUNS = process.env.FUZZ_RUNS || "500";

module.exports = {
  ...base,
  testMatch: ["**/trust/fuzz.test.ts"],
  testTimeout: 1_800_000,
  maxWorkers: 1,
};
