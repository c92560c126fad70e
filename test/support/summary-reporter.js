/**
 * Prints the tests skipped for want of a real PostgreSQL, and one closing line in the plain
 * form CI reads: "tests: N passed, N failed, N skipped".
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'skipped') skipped.push(`${test.fullName}  (${file.testFilePath.replace(process.cwd() + '/', '')})`);
      }
    }
    if (skipped.length > 0) {
      const why = process.env.GAUNG_TEST_DB === 'embedded' ? ' (no real PostgreSQL: embedded fallback)' : '';
      process.stdout.write(`\nSkipped tests${why}:\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`);
    }
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
