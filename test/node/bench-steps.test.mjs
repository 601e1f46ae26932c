// The benchmark's steps (tools/dev/bench-steps.mjs): a run ends with the step
// named instead of waiting in silence. A browser stand-in emits what
// Playwright's Browser and Page emit; its close() waits for its own
// 'disconnected' listener, as Playwright's does.
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {Readable} from 'node:stream';
import test from 'node:test';
import {closeWithin, StepFailed, watchBrowser} from '../../tools/dev/bench-steps.mjs';
import {engineRows, receiveFigures} from '../../tools/dev/bench-engines.mjs';

class Browser extends EventEmitter {
  constructor() {
    super();
    // As Playwright's Browser: close() resolves on the 'disconnected' event, through a listener of its own.
    this.closed = new Promise((resolve) => this.once('disconnected', resolve));
  }
  close() {
    setTimeout(() => this.emit('disconnected'), 5);
    return this.closed;
  }
}
const never = () => new Promise(() => {});
const quietly = async (/** @type {() => Promise<unknown>} */ work) => {
  const error = console.error;
  console.error = () => {};
  try {
    return await work();
  } finally {
    console.error = error;
  }
};

test('a step that hangs fails after its limit, naming the step', async () => {
  const {step} = watchBrowser(new Browser());
  await assert.rejects(step('filter 1,000 cards', 50, never), (error) => {
    assert.ok(error instanceof StepFailed);
    assert.equal(error.message, 'filter 1,000 cards: no result within 0.05 s');
    return true;
  });
});

test('a browser lost mid-step fails that step at once, and every step after it', async () => {
  const browser = new Browser();
  const {step} = watchBrowser(browser);
  const started = performance.now();
  const pending = step('draw 1,000 from index.json', 60000, never);
  setTimeout(() => browser.emit('disconnected'), 10);
  await assert.rejects(pending, {message: 'draw 1,000 from index.json: the browser went away'});
  assert.ok(performance.now() - started < 5000, 'at once, not at the limit');
  await assert.rejects(
    step('JS heap', 60000, () => Promise.resolve(1)),
    {message: 'JS heap: the browser went away'},
  );
});

test('a crashed page fails the step under way', async () => {
  const watch = watchBrowser(new Browser());
  const page = watch.page(new EventEmitter());
  const pending = watch.step('scroll through 1,000 cards', 60000, never);
  page.emit('crash');
  await assert.rejects(pending, {message: 'scroll through 1,000 cards: the page crashed'});
});

test('a step that throws fails with its first line, named; one that finishes gives its result', async () => {
  const {step} = watchBrowser(new Browser());
  await assert.rejects(
    step('layout shift', 1000, () => Promise.reject(new Error('page.goto: Timeout 30000ms exceeded.\nCall log: …'))),
    {message: 'layout shift: page.goto: Timeout 30000ms exceeded.'},
  );
  assert.equal(await quietly(() => step('requests', 1000, () => Promise.resolve(42))), 42);
});

test("stopping the watch leaves Playwright's own listener: the browser then closes (the stall of 2026-12-03 was close() waiting for ever)", async () => {
  const browser = new Browser();
  const watch = watchBrowser(browser);
  await quietly(() => watch.step('open the benchmark page', 1000, () => Promise.resolve()));
  watch.stop();
  assert.equal(browser.listenerCount('disconnected'), 1, 'only the browser’s own listener is left');
  assert.equal(await closeWithin(browser, 1000), true);
});

test('a browser that never closes does not hold the run: closeWithin gives up after its limit', async () => {
  assert.equal(await closeWithin({close: never}, 50), false);
});

/**
 * A launcher stand-in for the engines' rows: each page it opens posts its
 * figures at once through the benchmark server's route; `hangOn` names the
 * command ('open' or 'close') that never answers for the `at`-th page.
 */
function launcherThat(/** @type {'open' | 'close'} */ hangOn, at = 3) {
  let opened = 0;
  return {
    initialize: async () => {},
    stop: async () => {},
    startSession: async (/** @type {string} */ _id, /** @type {string} */ url) => {
      opened++;
      if (hangOn === 'open' && opened === at) return never();
      const key = new URL(url).searchParams.get('key');
      const figures = {first: 1, longest: 1, frames: 1, done: 1, drawn: 1, keys: [], viewport: '1×1', agent: ''};
      const req = Object.assign(Readable.from([JSON.stringify(figures)]), {url: `/bench-figures/${key}`, method: 'POST'});
      receiveFigures(/** @type {any} */ (req), /** @type {any} */ ({writeHead: () => ({end() {}})}));
    },
    stopSession: async () => (hangOn === 'close' && opened === at ? never() : undefined),
  };
}
const rowsWith = (/** @type {ReturnType<typeof launcherThat>} */ launcher) =>
  quietly(() =>
    engineRows({
      origin: 'http://127.0.0.1:9',
      page: '/engines.html',
      base: '/p1000/',
      baselineUrl: '/baseline.js',
      runs: 1,
      limit: 60_000,
      step: watchBrowser(new Browser()).step,
      row: () => {},
      only: 'webkit',
      launch: () => Promise.resolve(/** @type {any} */ ([launcher])),
      commandLimit: 50,
    }),
  );

test("an engine's step that hangs says what it was doing and how long each page before it took", async () => {
  await assert.rejects(rowsWith(launcherThat('close')), (error) => {
    assert.ok(error instanceof StepFailed);
    assert.match(
      error.message,
      /^the directory and plain DOM in webkit: no answer within 0\.05 s; it was closing page 3 of 4 \(styled, run 2\) \(pages done: \d+ s, \d+ s\)$/,
    );
    return true;
  });
  await assert.rejects(rowsWith(launcherThat('open', 1)), (error) => {
    assert.match(
      /** @type {Error} */ (error).message,
      /: no answer within 0\.05 s; it was opening page 1 of 4 \(directory, run 1\) \(pages done: none\)$/,
    );
    return true;
  });
});
