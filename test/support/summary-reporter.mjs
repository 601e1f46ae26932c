// Prints one line per browser and one closing line over all browsers, each
// "N passed, N failed, N skipped" (the last for CI logs that look for it),
// and the name of every skipped test; the default reporter's lines stay.

/** @typedef {import('@web/test-runner').TestSuiteResult} Suite */

/** Full titles ("suite > test") of the skipped tests in a session's results. @param {Suite} suite @param {string[]} [path] @returns {string[]} */
function skippedTitles(suite, path = []) {
  const here = suite.name ? [...path, suite.name] : path;
  return [
    ...suite.tests.filter((test) => test.skipped).map((test) => [...here, test.name].join(' > ')),
    ...suite.suites.flatMap((child) => skippedTitles(child, here)),
  ];
}
/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter() {
  /** @type {string[]} */
  let lines = [];
  return {
    // Written at exit: until then the progress display owns (and redraws) the terminal.
    start() {
      process.on('exit', () => process.stdout.write(lines.map((line) => `${line}\n`).join('')));
    },
    onTestRunFinished({sessions}) {
      lines = [];
      const count = {passed: 0, failed: 0, skipped: 0};
      const walk = (/** @type {Suite} */ suite) => {
        for (const test of suite.tests) count[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
        suite.suites.forEach(walk);
      };
      const perBrowser = new Map();
      for (const session of sessions) {
        const before = {...count};
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results: count it as a failure.
        if (!session.passed && count.failed === before.failed) count.failed++;
        const name = session.browser.name;
        /** @type {{passed: number, failed: number, skipped: number, titles: string[]}} */
        const b = perBrowser.get(name) ?? {passed: 0, failed: 0, skipped: 0, titles: []};
        for (const key of /** @type {const} */ (['passed', 'failed', 'skipped'])) b[key] += count[key] - before[key];
        if (session.testResults) b.titles.push(...skippedTitles(session.testResults));
        perBrowser.set(name, b);
      }
      // Skips are listed by name: a test an engine cannot run must not pass for a green tick.
      for (const [name, b] of perBrowser) {
        lines.push(`${name}: ${b.passed} passed, ${b.failed} failed, ${b.skipped} skipped`);
        for (const title of b.titles) lines.push(`  skipped: ${title}`);
      }
      lines.push(`browsers: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
    },
  };
}
