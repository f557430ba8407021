/**
 * Jest's per-file reporter (each file's PASS/FAIL and every failure in full),
 * without Jest's summary block: the run's one summary is the closing line that
 * closing-line-reporter.js prints, so nothing else in the output reads as a count.
 */
module.exports = require('@jest/reporters').DefaultReporter;
