import {LoadError} from '../shared/load-error.js';
import {validateProfile, type ValidationResult} from '../shared/profile-validation.js';
import {safeUrl} from '../shared/safe-url.js';
import {linkRefused} from '../shared/link-rule.js';

/**
 * Fetching profile JSON: the one place that talks to the network.
 *
 * A page with many cards must not fetch one profile twice, so requests are
 * shared per URL for the life of the page: concurrent callers wait on the same
 * fetch, later callers get the parsed JSON at once. Failures are not kept, so
 * a retry asks the server again. A caller that gives up (its card was removed,
 * or now shows another partner) stops waiting; the fetch itself is aborted
 * only when nobody waits for it any more.
 */

export const DEFAULT_TIMEOUT = 10_000;

/**
 * The folder profiles (and the directory's index) live in: `base` resolved
 * against the page, a folder even without its trailing slash; with no base,
 * `partners/` next to this module. Undefined when the link rule refuses `base`.
 */
export function profilesFolder(base?: string): URL | undefined {
  // String() keeps the expression from the shape a bundler resolves at build time,
  // new URL('…', import.meta.url): Vite, building a site that imports this module,
  // warned that partners/ does not exist (a /* @vite-ignore */ does not survive minifying).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
  if (!base) return new URL('partners/', String(import.meta.url));
  return linkRefused(base) ? undefined : safeUrl(base.trim().replace(/\/?$/, '/'), document.baseURI);
}

interface Request {
  json: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

const requests = new Map<string, Request>();

function parse(text: string): unknown {
  if (!text.trim()) throw new LoadError('invalid-profile', 'the response is empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LoadError(
      'invalid-profile',
      /^\s*</.test(text) ? 'the response is HTML, not JSON' : `the response is not JSON (${(error as Error).message})`,
    );
  }
}

function start(url: string, timeout: number, fresh: boolean): Request {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new LoadError('network', `no answer within ${timeout / 1000} s`));
  }, timeout);
  // Browsers differ in what an aborted fetch rejects with; the abort reason is what we meant.
  const failed = (what: string) => (error: unknown) => {
    throw controller.signal.aborted ? controller.signal.reason : new LoadError('network', `${what} (${String(error)})`);
  };
  const request: Request = {
    controller,
    waiters: 0,
    settled: false,
    json: fetch(url, {
      signal: controller.signal,
      headers: {accept: 'application/json'},
      // A retry must reach the server: caches may hold the failure it follows.
      cache: fresh ? 'reload' : undefined,
    })
      .catch(failed('the request failed (offline, CORS or server down)'))
      .then((response: Response) => {
        if (!response.ok)
          throw new LoadError(response.status === 404 || response.status === 410 ? 'not-found' : 'network', `HTTP ${response.status}`);
        return response.text().catch(failed('the connection broke'));
      })
      .then(parse)
      // Every failure names the address asked for: a wrong `base` shows in the console alone.
      .catch((error: unknown) => {
        const {kind, message} = error as LoadError;
        throw new LoadError(kind, `${message}: ${url}`);
      })
      .finally(() => {
        clearTimeout(timer);
      }),
  };
  request.json.then(
    () => (request.settled = true),
    () => {
      request.settled = true;
      if (requests.get(url) === request) requests.delete(url);
    },
  );
  return request;
}

/** Resolves with `promise`, or rejects with the signal's reason once it aborts. */
function until<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      reject(signal.reason as Error);
    };
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener('abort', abort, {once: true});
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', abort);
    });
  });
}

/**
 * The parsed JSON at `url`, shared with every other caller asking for the
 * same URL. `fresh` bypasses the HTTP cache (for a retry).
 */
export async function fetchJson(url: URL, signal: AbortSignal, timeout = DEFAULT_TIMEOUT, fresh = false): Promise<unknown> {
  const key = url.href;
  let request = requests.get(key);
  if (!request) requests.set(key, (request = start(key, timeout, fresh)));
  request.waiters++;
  try {
    return await until(request.json, signal);
  } finally {
    request.waiters--;
    if (!request.waiters && !request.settled) {
      request.controller.abort();
      requests.delete(key);
    }
  }
}

/**
 * Fetches and validates the profile `id` at `url`.
 * @throws LoadError, or the signal's reason when aborted.
 */
export async function loadProfile(url: URL, id: string, signal: AbortSignal, timeout?: number, fresh?: boolean): Promise<ValidationResult> {
  return validateProfile(await fetchJson(url, signal, timeout, fresh), id);
}
