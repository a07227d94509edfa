// Prints the test counts per kind (unit, recalculation, browser) and one closing line
// "Tests: N passed, N failed, N skipped" that any CI can read.
"use strict";
const fs = require("fs");

// A file's kind is the engine it reaches, the same markers the fast suite (jest.unit.config.js) leaves out.
function kindOf(file) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (/support\/browser|browser\/forms-support/.test(text)) return "browser (Chromium)";
  if (/recalc-helpers|adapters\/libreoffice/.test(text)) return "recalculation (LibreOffice)";
  return "unit and property";
}

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const kinds = {};
    for (const suite of results.testResults) {
      const kind = kindOf(suite.testFilePath);
      const k = (kinds[kind] = kinds[kind] || { passed: 0, failed: 0, skipped: 0 });
      k.passed += suite.numPassingTests;
      k.failed += suite.numFailingTests;
      k.skipped += suite.numPendingTests + suite.numTodoTests;
    }
    const lines = Object.entries(kinds).map(([kind, k]) => `  ${kind}: ${k.passed} passed, ${k.failed} failed, ${k.skipped} skipped`);
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stderr.write(
      `\nSagsliste tests by kind:\n${lines.join("\n")}\n` +
        `Tests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed, ${skipped} skipped\n`
    );
  }
}

module.exports = SummaryReporter;
