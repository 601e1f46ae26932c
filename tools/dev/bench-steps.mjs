// The benchmark's steps, each held to a time limit and failed at once by a
// lost browser or a crashed page: a run either finishes or ends with the step
// named and a non-zero exit, never a silent wait.

/** A step of the benchmark that could not finish; its message names the step. */
export class StepFailed extends Error {}

/** @typedef {{on(event: string, listener: () => void): unknown}} Emitter */

/**
 * Watches `browser` (Playwright's) for the run's steps.
 * @param {Emitter & {off(event: string, listener: () => void): unknown}} browser
 */
export function watchBrowser(browser) {
  /** Why the browser can no longer measure; empty while it can. */
  let broken = '';
  /** Fails the step under way. @type {((error: Error) => void) | undefined} */
  let failStep;
  const lose = (/** @type {string} */ why) => {
    broken ||= why;
    failStep?.(new Error(why));
  };
  const onDisconnected = () => {
    lose('the browser went away');
  };
  browser.on('disconnected', onDisconnected);
  return {
    /**
     * `page`, watched: its crash fails the step under way.
     * @template {Emitter} P @param {P} page @returns {P}
     */
    page: (page) => {
      page.on('crash', () => {
        lose('the page crashed');
      });
      return page;
    },
    /**
     * Runs `work` as the step `name`, printing its time; it fails, naming the
     * step, when it throws, takes longer than `limit` ms, or the browser is lost.
     * @template T @param {string} name @param {number} limit @param {() => Promise<T>} work @returns {Promise<T>}
     */
    step: async (name, limit, work) => {
      if (broken) throw new StepFailed(`${name}: ${broken}`);
      const start = performance.now();
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      try {
        const result = await new Promise((resolve, reject) => {
          failStep = reject;
          timer = setTimeout(() => {
            reject(new Error(`no result within ${limit / 1000} s`));
          }, limit);
          work().then(resolve, reject);
        });
        console.error(`✓ ${name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
        return /** @type {T} */ (result);
      } catch (error) {
        throw new StepFailed(`${name}: ${/** @type {Error} */ (error).message.split('\n')[0]}`);
      } finally {
        clearTimeout(timer);
        failStep = undefined;
      }
    },
    /**
     * Stops watching. Only this watcher's listener goes: Playwright's own
     * browser.close() waits for the 'disconnected' event through a listener
     * of its own, and removing every listener (as this benchmark once did)
     * left close() waiting for ever once the browser had gone.
     */
    stop: () => {
      browser.off('disconnected', onDisconnected);
    },
  };
}

/**
 * Closes the browser, waiting at most `limit` ms: should Playwright not
 * answer, the run ends anyway (Playwright kills the browsers it launched when
 * the process exits).
 * @param {{close(): Promise<void>}} browser @param {number} [limit]
 */
export async function closeWithin(browser, limit = 15000) {
  try {
    await within(limit, browser.close());
    return true;
  } catch (error) {
    if (error instanceof TimedOut) return false;
    throw error;
  }
}

/** What `within` rejects with when its time is up. */
class TimedOut extends Error {}

/** `promise`, or a failure once `ms` have passed without it settling. @template T @param {number} ms @param {Promise<T>} promise */
export async function within(ms, promise) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          reject(new TimedOut(`no answer within ${ms / 1000} s`));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
