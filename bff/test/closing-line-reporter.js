/**
 * Ends the run with one plain line, `Tests: N passed, N failed`, which CI reads
 * to count tests. It is the only summary in the output (see file-reporter.js),
 * so it also lists what failed, and it prints at exit so nothing comes after it.
 * No other line says "N <things> in T s": that is how pytest closes, and a CI
 * reader that knows pytest would take such a line for a run of zero tests.
 */
const path = require('node:path');

class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const failedNames = [];
    const named = (file) => path.relative(process.cwd(), file);
    for (const file of results.testResults) {
      if (file.testExecError) failedNames.push(`${named(file.testFilePath)}: ${file.testExecError.message.split('\n')[0]}`);
      for (const test of file.testResults) {
        if (test.status === 'failed') failedNames.push(`${named(file.testFilePath)} › ${test.fullName}`);
      }
    }
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const seconds = ((Date.now() - results.startTime) / 1000).toFixed(0);
    process.once('exit', () => {
      const list = failedNames.length ? `\nFailed:\n${failedNames.map((name) => `  ${name}`).join('\n')}\n` : '';
      process.stdout.write(
        `${list}\nTest files: ${results.numTotalTestSuites}; Jest took ${seconds} s\n` +
          `Tests: ${results.numPassedTests} passed, ${failed} failed\n`,
      );
    });
  }
}
module.exports = ClosingLineReporter;
