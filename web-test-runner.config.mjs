import {esbuildPlugin} from '@web/dev-server-esbuild';
import {browsers} from './test/support/launchers.mjs';
import {faultServer} from './test/support/fault-server.mjs';
import {summaryReporter} from './test/support/summary-reporter.mjs';
import {forcedColorsPlugin} from './test/support/media-plugin.mjs';
import {defaultReporter} from '@web/test-runner';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // Three engines on two cores: one test file at a time per browser keeps timings honest.
  concurrency: 1,
  concurrentBrowsers: 3,
  browsers: await browsers(),
  plugins: [esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2022'}), forcedColorsPlugin()],
  middleware: [faultServer],
  testFramework: {config: {timeout: 10000}},
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryReporter()],
};
