// Prints one closing line over all browsers, "N passed, N failed, N skipped",
// for CI logs that look for it; the default reporter's lines stay as they are.
export function summaryReporter() {
  let lines = [];
  return {
    // Written at exit: until then the progress display owns (and redraws) the terminal.
    start() {
      process.on('exit', () => process.stdout.write(lines.map((line) => `${line}\n`).join('')));
    },
    onTestRunFinished({sessions}) {
      lines = [];
      const count = {passed: 0, failed: 0, skipped: 0};
      const walk = (suite) => {
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
        const b = perBrowser.get(name) ?? {passed: 0, failed: 0};
        b.passed += count.passed - before.passed;
        b.failed += count.failed - before.failed;
        perBrowser.set(name, b);
      }
      for (const [name, b] of perBrowser) lines.push(`${name}: ${b.passed} passed, ${b.failed} failed`);
      lines.push(`browsers: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
    },
  };
}
