// Prints the test counts per kind (unit, recalculation, browser) and one closing line
// "Tests: N passed, N failed, N skipped" that any CI can read.
"use strict";

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const kinds = {};
    for (const suite of results.testResults) {
      const rel = suite.testFilePath.split("/test/")[1] || suite.testFilePath;
      const kind = rel.startsWith("recalc/") || rel.startsWith("report/") ? "recalculation (LibreOffice)"
        : rel.startsWith("browser/") ? "browser (Chromium)" : "unit and property";
      const k = (kinds[kind] = kinds[kind] || { passed: 0, failed: 0, skipped: 0 });
      k.passed += suite.numPassingTests;
      k.failed += suite.numFailingTests;
      k.skipped += suite.numPendingTests + suite.numTodoTests;
    }
    const lines = Object.entries(kinds).map(
      ([kind, k]) => `  ${kind}: ${k.passed} passed, ${k.failed} failed, ${k.skipped} skipped`
    );
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stderr.write(
      `\nSagsliste tests by kind:\n${lines.join("\n")}\n` +
        `Tests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed, ${skipped} skipped\n`
    );
  }
}

module.exports = SummaryReporter;
